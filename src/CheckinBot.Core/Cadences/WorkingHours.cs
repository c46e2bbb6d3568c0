using CheckinBot.Core.Time;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// The one rule for "in working hours", used by reminders and feedback nudges alike: from <paramref name="StartHour"/>
/// to <paramref name="EndHour"/>, Monday to Friday, in the person's own time zone (<c>Workday:StartHour</c> and
/// <c>Workday:EndHour</c>, 8 and 18 unless set).
/// </summary>
public sealed record WorkingHours(int StartHour = 8, int EndHour = 18)
{
    private TimeOnly Start => new(StartHour, 0);

    /// <summary>Whether a local time falls in working hours.</summary>
    public bool Contains(DateTimeOffset local) => IsWorkday(DateOnly.FromDateTime(local.DateTime)) && local.Hour >= StartHour && local.Hour < EndHour;

    /// <summary><paramref name="atUtc"/> when it falls in the person's working hours, else the start of their next working day.</summary>
    public DateTimeOffset NextWithin(DateTimeOffset atUtc, string? timeZoneId)
    {
        var zone = IanaTimeZone.FindOrUtc(IanaTimeZone.Normalize(timeZoneId) ?? "UTC");
        var local = TimeZoneInfo.ConvertTime(atUtc, zone);
        if (Contains(local))
            return atUtc;
        var date = DateOnly.FromDateTime(local.Date);
        if (!IsWorkday(date) || local.Hour >= EndHour)
            date = date.AddDays(1);
        while (!IsWorkday(date))
            date = date.AddDays(1);
        return CadenceCalendar.LocalToUtc(date, Start, zone);
    }

    private static bool IsWorkday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
