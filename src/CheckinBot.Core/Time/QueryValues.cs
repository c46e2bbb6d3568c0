using System.Globalization;

namespace CheckinBot.Core.Time;

/// <summary>How the admin API reads optional query values: absent means the fallback, present must parse exactly.</summary>
public static class QueryValues
{
    /// <summary>A date as <c>YYYY-MM-DD</c>, or <paramref name="fallback"/> when there is none.</summary>
    public static bool TryDate(string? value, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrEmpty(value) || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when there is none.</summary>
    public static bool TryNumber(string? value, int fallback, int min, int max, out int number)
    {
        number = fallback;
        return string.IsNullOrEmpty(value) || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max);
    }
}
