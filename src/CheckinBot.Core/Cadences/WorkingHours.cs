using CheckinBot.Core.Time;

namespace CheckinBot.Core.Cadences;

/// <summary>Reminders keep to working hours: 08:00–18:00, Monday to Friday, in the person's own time zone.</summary>
public static class WorkingHours
{
    private static readonly TimeOnly Start = new(8, 0);
    private static readonly TimeOnly End = new(18, 0);

    /// <summary><paramref name="atUtc"/> when it falls in the person's working hours, else the start of their next working day.</summary>
    public static DateTimeOffset NextWithin(DateTimeOffset atUtc, string? timeZoneId)
    {
        var zone = IanaTimeZone.FindOrUtc(IanaTimeZone.Normalize(timeZoneId) ?? "UTC");
        var local = TimeZoneInfo.ConvertTime(atUtc, zone);
        var date = DateOnly.FromDateTime(local.Date);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkday(date) && time >= Start && time < End)
            return atUtc;
        if (!IsWorkday(date) || time >= End)
            date = date.AddDays(1);
        while (!IsWorkday(date))
            date = date.AddDays(1);
        return CadenceCalendar.LocalToUtc(date, Start, zone);
    }

    private static bool IsWorkday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
