using CheckinBot.Core.Time;

namespace CheckinBot.Core.CheckIns;

public enum SnoozeChoice
{
    OneDay,
    UntilMonday,
}

public static class Snooze
{
    /// <summary>Local hour at which "until Monday" ends, in the person's own time zone.</summary>
    public const int MondayHour = 9;

    /// <summary>When a snooze ends: 24 hours on, or the coming Monday 09:00 in the person's zone (UTC if unknown).</summary>
    public static DateTimeOffset Until(SnoozeChoice choice, DateTimeOffset now, string? timeZoneId)
    {
        if (choice == SnoozeChoice.OneDay)
            return now.AddDays(1);
        var zone = IanaTimeZone.FindOrUtc(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var days = ((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7;
        var monday = local.Date.AddDays(days == 0 ? 7 : days).AddHours(MondayHour);
        // A Monday 09:00 that falls in a DST gap does not exist; an hour later does.
        if (zone.IsInvalidTime(monday))
            monday = monday.AddHours(1);
        return new DateTimeOffset(monday, zone.GetUtcOffset(monday)).ToUniversalTime();
    }
}
