using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Org;
using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// The journeys a person is on (active journey cadences whose audience holds them, from their hire date until a week
/// after the last step), for their own <c>goals</c> card and Growth tab.
/// </summary>
public sealed class JourneyService(ICadenceStore cadences, IOrgDirectory directory, IGroupMembers groupMembers, PersonZones zones, ICheckinStore store, TimeProvider timeProvider)
{
    /// <summary>How long a finished journey still shows, so the last step's answer is seen done.</summary>
    private const int ShownAfterLastStep = 7;

    /// <param name="checkins">The person's finished check-ins when the caller has read them already; else read when needed.</param>
    public async Task<IReadOnlyList<JourneyProgress>> ForAsync(string userId, CancellationToken cancellationToken, IReadOnlyList<CheckinRecord>? checkins = null)
    {
        if (await directory.FindAsync(userId, cancellationToken) is not { HireDate: { } hired } person)
            return [];
        var journeys = (await cadences.ListAsync(cancellationToken)).Where(c => c.IsJourney && c.Active && c.Schedule.Steps.Count > 0).ToList();
        if (journeys.Count == 0)
            return [];
        var zone = Time.IanaTimeZone.FindOrUtc(await zones.FindAsync(userId, person, cancellationToken) ?? "UTC");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), zone).Date);
        var answered = checkins;
        var shown = new List<JourneyProgress>();
        foreach (var journey in journeys.OrderBy(j => j.Name, StringComparer.OrdinalIgnoreCase))
        {
            var path = JourneyCalendar.Path(journey.Schedule, hired, today);
            if (path.DayNumber > path.LastDay + ShownAfterLastStep || !(await Audience.MatcherAsync(groupMembers, journey.Audience, cancellationToken))(person))
                continue;
            answered ??= await store.ListCheckinsAsync(userId, cancellationToken);
            var days = journey.Schedule.Steps.Where(s => answered.Any(r => r.OccurrenceId == JourneyCalendar.OccurrenceId(journey.Id, s))).Select(s => s.Day).ToHashSet();
            shown.Add(new JourneyProgress(journey.Name, path, days));
        }
        return shown;
    }
}
