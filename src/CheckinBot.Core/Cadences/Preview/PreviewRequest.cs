using CheckinBot.Core.Time;

namespace CheckinBot.Core.Cadences.Preview;

/// <summary>What a preview asks for; <see cref="Parse"/> reads it from query-string values and names what is wrong.</summary>
public sealed record PreviewRequest(DateOnly From, DateOnly To, int Page, int PageSize)
{
    /// <summary>The longest window one preview covers, unless a journey needs longer (<see cref="MaxDaysFor"/>).</summary>
    public const int MaxDays = 92;

    public const int MaxPageSize = 500;

    /// <summary>
    /// A journey's whole path fits one window: from a hire date to its longest step, plus a week for a step that falls
    /// on a weekend or holiday and moves to the next working day.
    /// </summary>
    public static int MaxDaysFor(Cadence cadence) =>
        cadence.IsJourney && cadence.Schedule.Steps is { Count: > 0 } steps ? Math.Max(MaxDays, steps.Max(s => s.Day) + 1 + 7) : MaxDays;

    /// <summary>Without a window: <paramref name="today"/> and the 27 days after; page 1 of 100.</summary>
    public static (PreviewRequest? Request, string? Parameter, string? Error) Parse(
        string? from, string? to, string? page, string? pageSize, DateOnly today, int maxDays = MaxDays)
    {
        if (!QueryValues.TryDate(from, today, out var first))
            return (null, "from", "Use YYYY-MM-DD.");
        if (!QueryValues.TryDate(to, first.AddDays(27), out var last))
            return (null, "to", "Use YYYY-MM-DD.");
        if (last < first)
            return (null, "from", "from must not be after to.");
        if (last.DayNumber - first.DayNumber >= maxDays)
            return (null, "to", $"A preview of this cadence spans at most {maxDays} days.");
        if (!QueryValues.TryNumber(page, 1, 1, int.MaxValue, out var pageNumber))
            return (null, "page", "page counts from 1.");
        if (!QueryValues.TryNumber(pageSize, 100, 1, MaxPageSize, out var size))
            return (null, "pageSize", $"pageSize is 1–{MaxPageSize}.");
        return (new PreviewRequest(first, last, pageNumber, size), null, null);
    }
}
