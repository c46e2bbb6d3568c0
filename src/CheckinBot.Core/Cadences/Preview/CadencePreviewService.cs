using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Org;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Core.Registrations;
using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Cadences.Preview;

/// <summary>
/// Previews a cadence with the planner's own rules (<see cref="Audience"/>, <see cref="PersonDue"/>): who is due in
/// each occurrence, at what local time and zone and in UTC, with which question set version, and who would be left
/// out and why. The directory is streamed once; only the requested page of people is kept.
/// </summary>
public sealed class CadencePreviewService(
    ICadenceStore cadences,
    QuestionSetService questionSets,
    IOrgDirectory directory,
    IGroupMembers groupMembers,
    PersonZones zones,
    IChatRegistrationStore registrations,
    ICheckinStore checkins,
    TimeProvider timeProvider)
{
    /// <summary>Null when there is no such cadence.</summary>
    public async Task<CadencePreview?> PreviewAsync(string cadenceId, PreviewRequest request, CancellationToken cancellationToken)
    {
        var (from, to, page, pageSize) = request;
        if (await cadences.FindAsync(cadenceId, cancellationToken) is not { } cadence)
            return null;
        var set = await questionSets.FindAsync(cadence.QuestionSetId, cancellationToken);
        var cycles = CadenceCalendar.Cycles(cadence.Schedule, from, to).ToList();
        var counts = cycles.Select(_ => (Due: 0, Cadence: 0, LeftOut: new Dictionary<string, int>(StringComparer.Ordinal))).ToArray();
        var lines = new List<PreviewLine>();
        var people = 0;
        var now = timeProvider.GetUtcNow();
        await foreach (var person in Audience.Stream(directory, groupMembers, cadence.Audience, cancellationToken))
        {
            var onPage = people++ / pageSize == page - 1;
            var registration = await registrations.FindAsync(person.Id, cancellationToken);
            var snoozedUntil = (await checkins.FindPreferencesAsync(person.Id, cancellationToken))?.SnoozedUntil;
            var zone = await zones.FindAsync(person.Id, person, cancellationToken); // once per person, whatever the number of occurrences
            for (var i = 0; i < cycles.Count; i++)
            {
                var due = PersonDue.For(cadence, cycles[i], zone);
                var leftOut = !cadence.Active ? "paused"
                    : due.DueAtUtc < now - CadencePlanner.MissedAfter ? "missed" // as the planner: too long past to send
                    : registration is null ? "notInstalled"
                    : registration.Status != RegistrationStatus.Active ? "unreachable"
                    : snoozedUntil > due.DueAtUtc ? "snoozed"
                    : null;
                if (leftOut is null)
                    counts[i].Due++;
                else
                    counts[i].LeftOut[leftOut] = counts[i].LeftOut.GetValueOrDefault(leftOut) + 1;
                if (due.ZoneFromCadence)
                    counts[i].Cadence++;
                if (onPage)
                    lines.Add(new PreviewLine(person.Id, person.Name, cycles[i].Date, cycles[i].Time, due.TimeZone, due.ZoneFromCadence, due.DueAtUtc, leftOut));
            }
        }
        return new CadencePreview(cadence.Id, cadence.Name, cadence.Active, cadence.QuestionSetId, set?.Version ?? 0, from, to,
            [.. cadence.Schedule.SkipDates.Where(d => d >= from && d <= to).Order()],
            [.. cycles.Select((c, i) => new PreviewOccurrence(c.Date, c.Time, counts[i].Due, counts[i].Cadence, counts[i].LeftOut))],
            people, page, pageSize, lines);
    }
}
