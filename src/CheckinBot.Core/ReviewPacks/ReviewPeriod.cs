using System.Globalization;

namespace CheckinBot.Core.ReviewPacks;

/// <summary>The period a pack covers: the last 6 or 12 months, or a range the person picks (at most two years).</summary>
public static class ReviewPeriod
{
    public const int MaxDays = 731;

    public static (DateOnly From, DateOnly To) LastMonths(int months, DateOnly today) => (today.AddMonths(-months).AddDays(1), today);

    /// <summary>A range from the card's date inputs, or null with what is wrong.</summary>
    public static (DateOnly From, DateOnly To)? Range(string? from, string? to, DateOnly today, out string? problem)
    {
        problem = null;
        var start = default(DateOnly);
        var end = default(DateOnly);
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
            problem = "Pick both dates of the range.";
        else if (end < start)
            problem = "The range ends before it starts.";
        else if (start > today)
            problem = "The range starts in the future: nothing is logged there yet.";
        else if (end.DayNumber - start.DayNumber > MaxDays)
            problem = "Pick a range of at most two years.";
        return problem is null ? (start, end) : null;
    }
}
