using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Runs;

/// <summary>When one person is due in one cycle of a cadence: the cadence's local time in their own zone.</summary>
/// <param name="ZoneFromCadence">The person has no zone (directory, Teams clientInfo): the cadence's is used.</param>
public sealed record PersonDue(string TimeZone, bool ZoneFromCadence, DateTimeOffset DueAtUtc)
{
    /// <summary>
    /// The planner's rule, which the preview shares: the person's zone (<see cref="PersonZones"/>: the directory's,
    /// else Teams') when there is one, else the cadence's.
    /// </summary>
    public static PersonDue For(Cadence cadence, CadenceCycle cycle, string? personZone)
    {
        var zoneId = personZone ?? cadence.Schedule.TimeZone;
        return new PersonDue(zoneId, personZone is null, CadenceCalendar.LocalToUtc(cycle.Date, cycle.Time, Time.IanaTimeZone.FindOrUtc(zoneId)));
    }
}
