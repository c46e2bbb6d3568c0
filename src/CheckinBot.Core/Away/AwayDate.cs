using System.Globalization;

namespace CheckinBot.Core.Away;

/// <summary>
/// The day someone is back, as typed after <c>away</c>: "until 12 Jan", "12 January 2027", "Jan 12", "2027-01-12",
/// "tomorrow", "monday". A day and month without a year is the next one to come. It must be after today and at most
/// <see cref="MaxAhead"/> away.
/// </summary>
public static class AwayDate
{
    public static readonly int MaxAhead = 365;

    private static readonly string[] WithYear = ["d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy", "yyyy-MM-dd", "d MMM, yyyy", "MMM d, yyyy", "MMMM d, yyyy"];
    private static readonly string[] WithoutYear = ["d MMM", "d MMMM", "MMM d", "MMMM d"];

    /// <summary>The day they are back, or null with <paramref name="problem"/> saying what to type instead.</summary>
    public static DateOnly? Parse(string? text, DateOnly today, out string? problem)
    {
        problem = null;
        var words = (text ?? "").Trim().TrimEnd('.', '!');
        foreach (var lead in new[] { "until ", "till ", "til ", "back on ", "back " })
        {
            if (words.StartsWith(lead, StringComparison.OrdinalIgnoreCase))
                words = words[lead.Length..].Trim();
        }
        words = System.Text.RegularExpressions.Regex.Replace(words, @"(\d)(st|nd|rd|th)\b", "$1", default, TimeSpan.FromMilliseconds(50));
        var date = Read(words, today);
        if (date is null)
            problem = "I couldn't read that date. Type it like **away until 12 Jan** (the day you are back).";
        else if (date <= today)
            problem = "That day has already begun. Type the day you are back, like **away until 12 Jan**.";
        else if (date > today.AddDays(MaxAhead))
            problem = $"I can hold check-ins for up to {MaxAhead} days. Type a day within a year, or ask HR about longer leave.";
        return problem is null ? date : null;
    }

    private static DateOnly? Read(string words, DateOnly today)
    {
        if (words.Equals("tomorrow", StringComparison.OrdinalIgnoreCase))
            return today.AddDays(1);
        if (Enum.TryParse<DayOfWeek>(words, ignoreCase: true, out var day) && !int.TryParse(words, out _))
            return today.AddDays(((int)day - (int)today.DayOfWeek + 6) % 7 + 1);
        if (DateOnly.TryParseExact(words, WithYear, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dated))
            return dated;
        if (DateOnly.TryParseExact(words, WithoutYear, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var undated))
        {
            var thisYear = new DateOnly(today.Year, undated.Month, Math.Min(undated.Day, DateTime.DaysInMonth(today.Year, undated.Month)));
            return thisYear > today ? thisYear : thisYear.AddYears(1);
        }
        return null;
    }
}
