using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Org;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Core.Registrations;
using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Cadences.Preview;

/// <summary>
/// Previews a cadence with the planner's own rules (<see cref="Audience"/>, <see cref="PersonDue"/>,
/// <see cref="JourneyCalendar.StepOn"/>): who is due in each occurrence, at what local time and zone and in UTC, with
/// which question set version, and who would be left out and why. Registrations and snoozes are each read once for the
/// whole org (a scan, not a read per person: 100,000 people in seconds, docs/performance.md) and held as a small map;
/// the directory is then streamed; only the requested page of people is kept.
/// </summary>
public sealed class CadencePreviewService(
    ICadenceStore cadences,
    QuestionSetService questionSets,
    IOrgDirectory directory,
    IGroupMembers groupMembers,
    IChatRegistrationStore registrations,
    ICheckinStore checkins,
    TimeProvider timeProvider)
{
    /// <summary>What the preview needs of a registration; zones are shared strings, so 100,000 people hold a few.</summary>
    private readonly record struct Reachability(RegistrationStatus Status, string? TimeZone);

    /// <summary>Null when there is no such cadence.</summary>
    public async Task<CadencePreview?> PreviewAsync(string cadenceId, PreviewRequest request, CancellationToken cancellationToken)
    {
        var (from, to, page, pageSize) = request;
        if (await cadences.FindAsync(cadenceId, cancellationToken) is not { } cadence)
            return null;
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in cadence.QuestionSetIds.Distinct())
            versions[id] = (await questionSets.FindAsync(id, cancellationToken))?.Version ?? 0;
        var cycles = CadenceCalendar.Cycles(cadence.Schedule, from, to).ToList();
        var counts = cycles.Select(_ => (Due: 0, Cadence: 0, Anyone: false, LeftOut: new Dictionary<string, int>(StringComparer.Ordinal))).ToArray();
        var lines = new List<PreviewLine>();
        var (people, noHireDate) = (0, 0);
        var now = timeProvider.GetUtcNow();

        var registered = await RegistrationsAsync(cancellationToken);
        var snoozes = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        await foreach (var snooze in checkins.ListSnoozesAsync(cancellationToken))
        {
            if (snooze.Until > now)
                snoozes[snooze.UserId] = snooze.Until;
        }

        await foreach (var person in Audience.Stream(directory, groupMembers, cadence.Audience, cancellationToken))
        {
            var registration = registered.TryGetValue(person.Id, out var found) ? found : (Reachability?)null;
            var snoozedUntil = snoozes.TryGetValue(person.Id, out var until) ? until : (DateTimeOffset?)null;
            var zone = PersonZones.Of(person.TimeZone, registration?.TimeZone);
            var onPage = people++ / pageSize == page - 1;
            if (cadence.IsJourney && person.HireDate is null)
            {
                noHireDate++;
                if (onPage)
                    lines.Add(new PreviewLine(person.Id, person.Name, null, null, null, false, null, "noHireDate", cadence.QuestionSetId, null));
                continue;
            }
            for (var i = 0; i < cycles.Count; i++)
            {
                var step = cadence.IsJourney ? JourneyCalendar.StepOn(cadence.Schedule, person.HireDate, cycles[i].Date) : null;
                if (cadence.IsJourney && step is null)
                    continue;
                var due = PersonDue.For(cadence, cycles[i], zone);
                var leftOut = !cadence.Active ? "paused"
                    : due.DueAtUtc < now - CadencePlanner.MissedAfter ? "missed" // as the planner: too long past to send
                    : registration is null ? "notInstalled"
                    : registration.Value.Status != RegistrationStatus.Active ? "unreachable"
                    : snoozedUntil > due.DueAtUtc ? "snoozed"
                    : null;
                counts[i].Anyone = true;
                if (leftOut is null)
                    counts[i].Due++;
                else
                    counts[i].LeftOut[leftOut] = counts[i].LeftOut.GetValueOrDefault(leftOut) + 1;
                if (due.ZoneFromCadence)
                    counts[i].Cadence++;
                if (onPage)
                    lines.Add(new PreviewLine(person.Id, person.Name, cycles[i].Date, cycles[i].Time, due.TimeZone, due.ZoneFromCadence, due.DueAtUtc, leftOut,
                        step?.QuestionSetId ?? cadence.QuestionSetId, step?.Day));
            }
        }

        // A journey's working days on which nobody has a step say nothing: only those with someone are shown.
        var shown = Enumerable.Range(0, cycles.Count).Where(i => !cadence.IsJourney || counts[i].Anyone).ToList();
        return new CadencePreview(cadence.Id, cadence.Name, cadence.Active, cadence.IsJourney, cadence.QuestionSetId, versions.GetValueOrDefault(cadence.QuestionSetId), versions, from, to,
            [.. cadence.Schedule.SkipDates.Where(d => d >= from && d <= to).Order()],
            [.. shown.Select(i => new PreviewOccurrence(cycles[i].Date, cycles[i].Time, counts[i].Due, counts[i].Cadence, counts[i].LeftOut))],
            people, noHireDate, page, pageSize, lines);
    }

    private async Task<Dictionary<string, Reachability>> RegistrationsAsync(CancellationToken cancellationToken)
    {
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        var registered = new Dictionary<string, Reachability>(StringComparer.OrdinalIgnoreCase);
        await foreach (var r in registrations.ListAllAsync(cancellationToken))
        {
            var zone = r.TimeZone is null ? null : zones.TryGetValue(r.TimeZone, out var shared) ? shared : zones[r.TimeZone] = r.TimeZone;
            registered[r.UserId] = new Reachability(r.Status, zone);
        }
        return registered;
    }
}
