using System.Globalization;
using System.Text;

namespace CheckinBot.Core;

/// <summary>CSV rows as the exports write them: RFC 4180 quoting, CRLF, dates in ISO 8601, no formula injection.</summary>
public static class CsvText
{
    public static void Row(StringBuilder csv, params object?[] cells)
    {
        csv.AppendJoin(',', cells.Select(c => Escape(c switch
        {
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => c?.ToString(),
        })));
        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula.</summary>
    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
