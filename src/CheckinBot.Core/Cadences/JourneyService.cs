using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Org;
using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// The journeys a person is on (active journey cadences whose audience holds them, from their hire date until a week
/// after the last step), for their own <c>goals</c> card and Growth tab. The active journeys are read from the cadence
/// table at most once every <see cref="JourneysReadFor"/> (a new or changed journey shows within it), so a turn costs
/// no scan; group audiences are read as <see cref="TurnGroupMembers"/> says.
/// </summary>
public sealed class JourneyService(ICadenceStore cadences, IOrgDirectory directory, TurnGroupMembers groupMembers, PersonZones zones, ICheckinStore store, TimeProvider timeProvider)
{
    public static readonly TimeSpan JourneysReadFor = TimeSpan.FromMinutes(1);

    /// <summary>How long a finished journey still shows, so the last step's answer is seen done.</summary>
    private const int ShownAfterLastStep = 7;

    private volatile ActiveJourneys? _journeys;

    /// <param name="checkins">The person's finished check-ins when the caller has read them already; else read when needed.</param>
    public async Task<IReadOnlyList<JourneyProgress>> ForAsync(string userId, CancellationToken cancellationToken, IReadOnlyList<CheckinRecord>? checkins = null)
    {
        var all = await ActiveAsync(cancellationToken);
        if (all.Count == 0 || await directory.FindAsync(userId, cancellationToken) is not { HireDate: { } hired } person)
            return [];
        // A time zone moves today by a day at most: journeys that ended for the person a day before UTC's today are over
        // in every zone, so most people (hired long ago) cost no zone read.
        var utcYesterday = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime).AddDays(-1);
        var journeys = all.Where(j => JourneyCalendar.Path(j.Schedule, hired, utcYesterday) is var p && p.DayNumber <= p.LastDay + ShownAfterLastStep).ToList();
        if (journeys.Count == 0)
            return [];
        var zone = Time.IanaTimeZone.FindOrUtc(await zones.FindAsync(userId, person, cancellationToken) ?? "UTC");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), zone).Date);
        var answered = checkins;
        var shown = new List<JourneyProgress>();
        foreach (var journey in journeys)
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

    /// <summary>Active journeys by name, as read at most <see cref="JourneysReadFor"/> ago.</summary>
    private async Task<IReadOnlyList<Cadence>> ActiveAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_journeys is { } known && now - known.ReadAt < JourneysReadFor)
            return known.Journeys;
        var journeys = (await cadences.ListAsync(cancellationToken))
            .Where(c => c.IsJourney && c.Active && c.Schedule.Steps.Count > 0)
            .OrderBy(j => j.Name, StringComparer.OrdinalIgnoreCase).ToList();
        _journeys = new ActiveJourneys(journeys, now);
        return journeys;
    }

    private sealed record ActiveJourneys(IReadOnlyList<Cadence> Journeys, DateTimeOffset ReadAt);
}
