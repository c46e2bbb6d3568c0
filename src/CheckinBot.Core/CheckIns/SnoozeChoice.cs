using CheckinBot.Core.Cadences;
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
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        // The calendar's one rule for local times: a DST gap moves it forward by the gap.
        return CadenceCalendar.LocalToUtc(today.AddDays(days == 0 ? 7 : days), new TimeOnly(MondayHour, 0), zone);
    }
}
