using CheckinBot.Core.Away;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Org;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Core.Registrations;
using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Cadences.Preview;

/// <summary>
/// Previews a cadence with the planner's own rules (<see cref="Audience"/>, <see cref="PersonDue"/>,
/// <see cref="JourneyCalendar.StepOn"/>): who is due in each occurrence, at what local time and zone and in UTC, with
/// which question set version, and who would be left out and why. Who can be reached comes from a snapshot of every
/// registration (<see cref="RegistrationSnapshot"/>, at most five minutes old, one scan for the whole org), snoozes and
/// aways said in chat from their index (read each time), Outlook's automatic replies as last read (the preview asks
/// Graph nothing for a whole audience); the directory is then streamed; only the requested page of people is kept. Group
/// audiences are read as <see cref="TurnGroupMembers"/> says (the preview is asked for on HR's turn too), so it never
/// waits on Graph past the turn bound.
/// </summary>
public sealed class CadencePreviewService(
    ICadenceStore cadences,
    QuestionSetService questionSets,
    IOrgDirectory directory,
    TurnGroupMembers groupMembers,
    RegistrationSnapshot registrations,
    ICheckinStore checkins,
    AwayService away,
    TimeProvider timeProvider)
{
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
        var counts = cycles.Select(_ => (Due: 0, Cadence: 0, Anyone: false, LeftOut: new Dictionary<string, int>(StringComparer.Ordinal), Lighter: 0)).ToArray();
        var lines = new List<PreviewLine>();
        var (people, noHireDate) = (0, 0);
        var now = timeProvider.GetUtcNow();

        var registered = await registrations.GetAsync(cancellationToken);
        var onHold = new Dictionary<string, PersonOnHold>(StringComparer.OrdinalIgnoreCase);
        await foreach (var held in checkins.ListOnHoldAsync(cancellationToken))
        {
            if (held.SnoozedUntil > now || held.AwayUntil > now || held.Lighter?.Count > 0)
                onHold[held.UserId] = held;
        }

        await foreach (var person in Audience.Stream(directory, groupMembers, cadence.Audience, cancellationToken))
        {
            var registration = registered.People.GetValueOrDefault(person.Id);
            var held = onHold.GetValueOrDefault(person.Id);
            var outlook = away.Remembered(person.Id);
            // The form they are asked now, as their adaptation last stood (it moves as each occurrence is read).
            var lighter = cadence.Adaptation.Enabled ? held?.Lighter?.GetValueOrDefault(cadence.Id) : null;
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
                if (PersonDue.For(cadence, cycles[i], person.HireDate, zone) is not { } due)
                    continue;
                var leftOut = !cadence.Active ? "paused"
                    : due.DueAtUtc < now - CadencePlanner.MissedAfter ? "missed" // as the planner: too long past to send
                    // As the run decides: someone away is held before anyone asks whether Teams can reach them.
                    : held?.AwayUntil > due.DueAtUtc || outlook?.Covers(due.DueAtUtc) == true ? "away"
                    : registration is null ? "notInstalled"
                    : registration.Status != RegistrationStatus.Active ? "unreachable"
                    : held?.SnoozedUntil > due.DueAtUtc ? "snoozed"
                    : null;
                counts[i].Anyone = true;
                if (leftOut is null)
                {
                    counts[i].Due++;
                    counts[i].Lighter += lighter is null ? 0 : 1;
                }
                else
                    counts[i].LeftOut[leftOut] = counts[i].LeftOut.GetValueOrDefault(leftOut) + 1;
                if (due.ZoneFromCadence)
                    counts[i].Cadence++;
                if (onPage)
                    lines.Add(new PreviewLine(person.Id, person.Name, cycles[i].Date, cycles[i].Time, due.TimeZone, due.ZoneFromCadence, due.DueAtUtc, leftOut,
                        due.Step?.QuestionSetId ?? (lighter?.StartsWith("light", StringComparison.Ordinal) == true ? cadence.Adaptation.LightQuestionSetId : cadence.QuestionSetId), due.Step?.Day, lighter));
            }
        }

        // A journey's working days on which nobody has a step say nothing: only those with someone are shown.
        var shown = Enumerable.Range(0, cycles.Count).Where(i => !cadence.IsJourney || counts[i].Anyone).ToList();
        return new CadencePreview(cadence.Id, cadence.Name, cadence.Active, cadence.IsJourney, cadence.QuestionSetId, versions.GetValueOrDefault(cadence.QuestionSetId), versions, from, to,
            [.. cadence.Schedule.SkipDates.Where(d => d >= from && d <= to).Order()],
            [.. shown.Select(i => new PreviewOccurrence(cycles[i].Date, cycles[i].Time, counts[i].Due, counts[i].Cadence, counts[i].LeftOut, counts[i].Lighter))],
            people, noHireDate, registered.AsOf, page, pageSize, lines);
    }
}
