using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Runs;

/// <summary>When one person is due in one cycle of a cadence, and what they are asked: the cadence's local time in their own zone.</summary>
/// <param name="ZoneFromCadence">The person has no zone (directory, Teams clientInfo): the cadence's is used.</param>
/// <param name="OccurrenceId">What their check-in answers: the cycle's, or a journey step's (<c>{cadence}:day-{N}</c>).</param>
/// <param name="Step">A journey's step that falls on the cycle's date for them.</param>
public sealed record PersonDue(string TimeZone, bool ZoneFromCadence, DateTimeOffset DueAtUtc, string OccurrenceId, JourneyStep? Step)
{
    /// <summary>
    /// The planner's rule, which the preview shares: the person's zone (<see cref="PersonZones"/>: the directory's,
    /// else Teams') when there is one, else the cadence's; for a journey, only on the day one of their steps falls on
    /// (<see cref="JourneyCalendar.StepOn"/>) — null on any other day, or without a hire date.
    /// </summary>
    public static PersonDue? For(Cadence cadence, CadenceCycle cycle, DateOnly? hireDate, string? personZone)
    {
        if (!Asks(cadence, cycle, hireDate))
            return null;
        var step = StepOf(cadence, cycle, hireDate);
        var zoneId = personZone ?? cadence.Schedule.TimeZone;
        return new PersonDue(zoneId, personZone is null, CadenceCalendar.LocalToUtc(cycle.Date, cycle.Time, Time.IanaTimeZone.FindOrUtc(zoneId)),
            step is null ? cycle.OccurrenceId(cadence.Id) : JourneyCalendar.OccurrenceId(cadence.Id, step), step);
    }

    /// <summary>Whether the cycle asks the person anything: always, but a journey only on one of their steps' days.</summary>
    public static bool Asks(Cadence cadence, CadenceCycle cycle, DateOnly? hireDate) => !cadence.IsJourney || StepOf(cadence, cycle, hireDate) is not null;

    private static JourneyStep? StepOf(Cadence cadence, CadenceCycle cycle, DateOnly? hireDate) =>
        cadence.IsJourney ? JourneyCalendar.StepOn(cadence.Schedule, hireDate, cycle.Date) : null;
}
