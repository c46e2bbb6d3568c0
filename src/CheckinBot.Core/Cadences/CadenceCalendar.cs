using System.Globalization;
using CheckinBot.Core.Time;
using Cronos;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// The cadence's calendar as pure functions: which local dates are cycles, and the instant a cycle's check-in is due
/// for a person in their own time zone, DST included. No clock of its own, so every rule is tested directly.
/// </summary>
public static class CadenceCalendar
{
    /// <summary>Weekly intervals count whole weeks from this Monday when the cadence has no start date.</summary>
    private static readonly DateOnly WeekAnchor = new(2000, 1, 3);

    /// <summary>
    /// The first occurrence due strictly after <paramref name="afterUtc"/> for a person in <paramref name="timeZoneId"/>
    /// (the cadence's zone when null or unknown): the cycle's local date (its id within the cadence) and the UTC instant.
    /// Null when the cadence never fires again, and for a journey: its steps are each person's own, from their hire date.
    /// </summary>
    public static CadenceOccurrence? Next(CadenceSchedule schedule, string? timeZoneId, DateTimeOffset afterUtc)
    {
        if (schedule.Frequency == CadenceFrequency.Journey)
            return null;
        var zone = Zone(schedule, timeZoneId);
        if (schedule.Frequency == CadenceFrequency.Cron)
            return NextCron(schedule, zone, afterUtc);

        var time = LocalSendTime(schedule);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(afterUtc, zone).Date);
        if (schedule.StartDate is { } start && start > date)
            date = start;
        // Ten years of days is more than any valid schedule needs to find its next cycle.
        for (var i = 0; i < 3700; i++, date = date.AddDays(1))
        {
            if (schedule.EndDate is { } end && date > end)
                return null;
            if (!IsCycleDate(schedule, date))
                continue;
            var due = LocalToUtc(date, time, zone);
            if (due > afterUtc)
                return new CadenceOccurrence(date, due);
        }
        return null;
    }

    /// <summary>
    /// The cycles on the local dates from <paramref name="from"/> to <paramref name="to"/>: the schedule's cycle dates at
    /// its send time, or every time the cron expression fires on those dates in the cadence's zone.
    /// </summary>
    public static IEnumerable<CadenceCycle> Cycles(CadenceSchedule schedule, DateOnly from, DateOnly to)
    {
        if (schedule.Frequency != CadenceFrequency.Cron)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                if (IsCycleDate(schedule, date))
                    yield return new CadenceCycle(date, LocalSendTime(schedule), IsCron: false);
            }
            yield break;
        }
        if (ParseCron(schedule.Cron) is not { } cron)
            yield break;
        var zone = Zone(schedule, null);
        var start = LocalToUtc(from, TimeOnly.MinValue, zone);
        var end = LocalToUtc(to.AddDays(1), TimeOnly.MinValue, zone);
        foreach (var fire in cron.GetOccurrences(start, end, zone, fromInclusive: true, toInclusive: false))
        {
            var local = TimeZoneInfo.ConvertTime(fire, zone);
            var date = DateOnly.FromDateTime(local.Date);
            if (!schedule.SkipDates.Contains(date) && !(schedule.StartDate > date) && !(schedule.EndDate < date))
                yield return new CadenceCycle(date, TimeOnly.FromDateTime(local.DateTime), IsCron: true);
        }
    }

    public static bool IsCycleDate(CadenceSchedule schedule, DateOnly date)
    {
        if (schedule.SkipDates.Contains(date) || (schedule.StartDate is { } s && date < s) || (schedule.EndDate is { } e && date > e))
            return false;
        var interval = Math.Max(1, schedule.Interval);
        switch (schedule.Frequency)
        {
            case CadenceFrequency.Weekly:
                var anchor = schedule.StartDate ?? WeekAnchor;
                var anchorWeek = anchor.AddDays(-(((int)anchor.DayOfWeek + 6) % 7)); // Monday of the anchor's week
                var weeks = (date.DayNumber - anchorWeek.DayNumber) / 7;
                return date.DayOfWeek == (schedule.DayOfWeek ?? DayOfWeek.Monday) && weeks % interval == 0;
            case CadenceFrequency.Monthly:
            case CadenceFrequency.Quarterly:
                var every = schedule.Frequency == CadenceFrequency.Quarterly ? 3 : interval;
                var firstMonth = schedule.StartDate ?? new DateOnly(2000, 1, 1);
                var months = ((date.Year - firstMonth.Year) * 12) + date.Month - firstMonth.Month;
                return months % every == 0 && IsMonthlyDay(schedule, date);
            case CadenceFrequency.Journey:
                return JourneyCalendar.IsWorkingDay(schedule, date);
            default:
                return false;
        }
    }

    /// <summary>
    /// A local date and time in a zone as UTC. A time that does not exist (the spring-forward gap) moves forward by
    /// the gap, so 02:30 on that day is sent at 03:30, once; a time that exists twice (fall back) is the first.
    /// </summary>
    public static DateTimeOffset LocalToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The schedule's local send time (validation guarantees it parses; 09:30 for a row that predates that).</summary>
    public static TimeOnly LocalSendTime(CadenceSchedule schedule) => ParseLocalTime(schedule.LocalTime) ?? new TimeOnly(9, 30);

    public static TimeOnly? ParseLocalTime(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static CronExpression? ParseCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return null;
        try
        {
            return CronExpression.Parse(expression, CronFormat.Standard);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    private static bool IsMonthlyDay(CadenceSchedule schedule, DateOnly date)
    {
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        if (schedule.DayOfMonth is { } day)
            return date.Day == Math.Min(day, daysInMonth);
        if (schedule.DayOfWeek is not { } weekday || date.DayOfWeek != weekday)
            return false;
        var week = schedule.WeekOfMonth ?? 1;
        return week == -1 ? date.Day + 7 > daysInMonth : (date.Day - 1) / 7 == week - 1;
    }

    private static CadenceOccurrence? NextCron(CadenceSchedule schedule, TimeZoneInfo zone, DateTimeOffset afterUtc)
    {
        if (ParseCron(schedule.Cron) is not { } cron)
            return null;
        var from = afterUtc;
        for (var i = 0; i < 1000; i++)
        {
            if (cron.GetNextOccurrence(from, zone) is not { } next)
                return null;
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, zone).Date);
            if (schedule.EndDate is { } end && date > end)
                return null;
            if (!schedule.SkipDates.Contains(date) && (schedule.StartDate is not { } start || date >= start))
                return new CadenceOccurrence(date, next.ToUniversalTime());
            from = next;
        }
        return null;
    }

    private static TimeZoneInfo Zone(CadenceSchedule schedule, string? personZone) =>
        IanaTimeZone.Normalize(personZone) is { } zone ? IanaTimeZone.FindOrUtc(zone) : IanaTimeZone.FindOrUtc(schedule.TimeZone);
}
