using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Runs;

/// <summary>When one person is due in one cycle of a cadence: the cadence's local time in their own zone.</summary>
/// <param name="ZoneFromCadence">The person has no zone (directory, Teams clientInfo): the cadence's is used.</param>
public sealed record PersonDue(string TimeZone, bool ZoneFromCadence, DateTimeOffset DueAtUtc)
{
    /// <summary>The planner's rule, which the preview shares: the person's zone from the directory, else Teams, else the cadence's.</summary>
    public static async Task<PersonDue> ForAsync(Cadence cadence, CadenceCycle cycle, Person person, PersonZones zones, CancellationToken cancellationToken)
    {
        var zone = await zones.FindAsync(person.Id, person, cancellationToken);
        var zoneId = zone ?? cadence.Schedule.TimeZone;
        return new PersonDue(zoneId, zone is null, CadenceCalendar.LocalToUtc(cycle.Date, cycle.Time, Time.IanaTimeZone.FindOrUtc(zoneId)));
    }
}
