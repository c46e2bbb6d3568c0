namespace CheckinBot.Core.Cadences;

/// <summary>
/// When a cadence fires. <see cref="LocalTime"/> is applied in each recipient's own time zone; <see cref="TimeZone"/>
/// (IANA) is the fallback when a person's zone is unknown. Dates are local calendar dates.
/// </summary>
public sealed record CadenceSchedule
{
    public CadenceFrequency Frequency { get; init; } = CadenceFrequency.Weekly;

    /// <summary>Every N weeks (weekly) or months (monthly).</summary>
    public int Interval { get; init; } = 1;
    public DayOfWeek? DayOfWeek { get; init; }

    /// <summary>Monthly on this day (31 = the month's last day in shorter months).</summary>
    public int? DayOfMonth { get; init; }

    /// <summary>Monthly on the Nth <see cref="DayOfWeek"/> (1–4), or the last one (-1).</summary>
    public int? WeekOfMonth { get; init; }

    /// <summary>"HH:mm", local to each recipient.</summary>
    public string LocalTime { get; init; } = "09:30";
    public string TimeZone { get; init; } = "UTC";
    public string? Cron { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }

    /// <summary>Holidays and other days on which the cadence does not fire.</summary>
    public IReadOnlyList<DateOnly> SkipDates { get; init; } = [];

    /// <summary>A journey's steps, in order of their day (journey frequency only).</summary>
    public IReadOnlyList<JourneyStep> Steps { get; init; } = [];
}
