using CheckinBot.Core.Time;

namespace CheckinBot.Core.Insights;

/// <summary>What a metrics query asks for; <see cref="Parse"/> reads it from query-string values and names what is wrong.</summary>
public sealed record MetricsRequest(MetricsGroupBy GroupBy, MetricsPeriod Period, DateOnly From, DateOnly To, string? ManagerId = null)
{
    /// <summary>The longest range one query may span (two years).</summary>
    public const int MaxDays = 731;

    /// <summary>Without a range: the last 90 days up to <paramref name="today"/>.</summary>
    public static (MetricsRequest? Request, string? Parameter, string? Error) Parse(
        string? groupBy, string? period, string? from, string? to, string? managerId, DateOnly today)
    {
        if (!TryEnum<MetricsGroupBy>(groupBy ?? "none", out var grouping))
            return (null, "groupBy", "groupBy must be none, department, manager or cadence.");
        if (!TryEnum<MetricsPeriod>(period ?? "month", out var periods))
            return (null, "period", "period must be week, month or quarter.");
        if (!QueryValues.TryDate(to, today, out var last))
            return (null, "to", "to must be a date like 2026-11-30.");
        if (!QueryValues.TryDate(from, last.AddDays(-89), out var first))
            return (null, "from", "from must be a date like 2026-09-01.");
        if (first > last)
            return (null, "from", "from must not be after to.");
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
            return (null, "to", $"A query spans at most {MaxDays} days (two years); narrow from and to.");
        return (new MetricsRequest(grouping, periods, first, last, string.IsNullOrWhiteSpace(managerId) ? null : managerId.Trim()), null, null);
    }

    private static bool TryEnum<T>(string value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && !int.TryParse(value, out _) && Enum.IsDefined(parsed);
}
