using System.Globalization;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// The journey frequency's calendar as pure functions: a step falls <see cref="JourneyStep.Day"/> days after the
/// person's hire date, or on the next working day when that is a Saturday, a Sunday or one of the cadence's skip dates.
/// Every working day is a cycle of a journey cadence; in each, only the people whose step falls on it are asked.
/// </summary>
public static class JourneyCalendar
{
    private const string OccurrenceMarker = ":day-";

    /// <summary>A working day of the cadence: Monday to Friday, not a skip date, within its start and end dates.</summary>
    public static bool IsWorkingDay(CadenceSchedule schedule, DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !schedule.SkipDates.Contains(date);

    /// <summary>The local date a step falls on for someone hired on <paramref name="hireDate"/>.</summary>
    public static DateOnly StepDate(CadenceSchedule schedule, DateOnly hireDate, JourneyStep step)
    {
        var date = hireDate.AddDays(step.Day);
        // Skip dates are a handful of holidays; a year bounds a list that covered every day.
        for (var i = 0; i < 366 && !IsWorkingDay(schedule, date); i++)
            date = date.AddDays(1);
        return date;
    }

    /// <summary>
    /// The step a person hired on <paramref name="hireDate"/> is asked on <paramref name="date"/>, if any. When two steps
    /// move onto the same working day (a weekend between them) the later one is asked: it is the one that is current.
    /// </summary>
    public static JourneyStep? StepOn(CadenceSchedule schedule, DateOnly? hireDate, DateOnly date) =>
        hireDate is { } hired && (schedule.StartDate is not { } start || date >= start) && (schedule.EndDate is not { } end || date <= end)
            ? schedule.Steps.LastOrDefault(step => StepDate(schedule, hired, step) == date)
            : null;

    /// <summary>The person's occurrence for a step: the same whatever their hire date, so a step answered is never asked again.</summary>
    public static string OccurrenceId(string cadenceId, JourneyStep step) =>
        cadenceId + OccurrenceMarker + step.Day.ToString(CultureInfo.InvariantCulture);

    /// <summary>The step an occurrence of the cadence names, or null when it names none (a "run now", an older step list).</summary>
    public static JourneyStep? StepOf(CadenceSchedule schedule, string occurrenceId)
    {
        var at = occurrenceId.LastIndexOf(OccurrenceMarker, StringComparison.Ordinal);
        return at > 0 && int.TryParse(occurrenceId.AsSpan(at + OccurrenceMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            ? schedule.Steps.FirstOrDefault(s => s.Day == day)
            : null;
    }

    /// <summary>
    /// Where a person stands on the journey on <paramref name="today"/> (their local date): the day they are on
    /// (<see cref="JourneyPath.DayNumber"/> of <see cref="JourneyPath.LastDay"/>) and each step's date.
    /// </summary>
    public static JourneyPath Path(CadenceSchedule schedule, DateOnly hireDate, DateOnly today) => new(
        hireDate,
        today.DayNumber - hireDate.DayNumber,
        schedule.Steps.Count == 0 ? 0 : schedule.Steps.Max(s => s.Day),
        [.. schedule.Steps.Select(s => new JourneyStepDate(s, StepDate(schedule, hireDate, s)))]);
}
