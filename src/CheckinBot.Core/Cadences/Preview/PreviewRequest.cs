using CheckinBot.Core.Time;

namespace CheckinBot.Core.Cadences.Preview;

/// <summary>What a preview asks for; <see cref="Parse"/> reads it from query-string values and names what is wrong.</summary>
public sealed record PreviewRequest(DateOnly From, DateOnly To, int Page, int PageSize)
{
    /// <summary>The longest window one preview covers.</summary>
    public const int MaxDays = 92;

    public const int MaxPageSize = 500;

    /// <summary>Without a window: <paramref name="today"/> and the 27 days after; page 1 of 100.</summary>
    public static (PreviewRequest? Request, string? Parameter, string? Error) Parse(string? from, string? to, string? page, string? pageSize, DateOnly today)
    {
        if (!QueryValues.TryDate(from, today, out var first))
            return (null, "from", "Use YYYY-MM-DD.");
        if (!QueryValues.TryDate(to, first.AddDays(27), out var last))
            return (null, "to", "Use YYYY-MM-DD.");
        if (last < first)
            return (null, "from", "from must not be after to.");
        if (last.DayNumber - first.DayNumber >= MaxDays)
            return (null, "to", $"A preview spans at most {MaxDays} days.");
        if (!QueryValues.TryNumber(page, 1, 1, int.MaxValue, out var pageNumber))
            return (null, "page", "page counts from 1.");
        if (!QueryValues.TryNumber(pageSize, 100, 1, MaxPageSize, out var size))
            return (null, "pageSize", $"pageSize is 1–{MaxPageSize}.");
        return (new PreviewRequest(first, last, pageNumber, size), null, null);
    }
}
