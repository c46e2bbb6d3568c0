using CheckinBot.Core.Time;

namespace CheckinBot.Core.Org;

/// <summary>
/// The org directory as CSV (header <c>id,email,displayName,managerId,managerEmail,department,timeZone</c>, optionally
/// followed by <c>groups</c> — the Entra group ids a person belongs to, separated by semicolons, for cadence audiences —
/// and then by <c>hireDate</c> — <c>YYYY-MM-DD</c>, where onboarding journeys start).
/// Bad rows are reported with their line number and reason; good rows still load.
/// </summary>
public static class OrgCsv
{
    public static readonly string[] Header = ["id", "email", "displayName", "managerId", "managerEmail", "department", "timeZone"];
    private const string GroupsHeading = "groups";
    private const string HireDateHeading = "hireDate";

    public sealed record Result(IReadOnlyList<Person> People, IReadOnlyList<string> Problems);

    public static Result Parse(TextReader reader)
    {
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var header = reader.ReadLine();
        var headings = header is null ? [] : Split(header).Select(h => h.Trim()).ToList();
        var extra = headings.Skip(Header.Length).ToList();
        var groupsAt = extra.FindIndex(h => string.Equals(h, GroupsHeading, StringComparison.OrdinalIgnoreCase)) is var g and >= 0 ? Header.Length + g : -1;
        var hireAt = extra.FindIndex(h => string.Equals(h, HireDateHeading, StringComparison.OrdinalIgnoreCase)) is var d and >= 0 ? Header.Length + d : -1;
        var extrasInOrder = extra.Count == (groupsAt >= 0 ? 1 : 0) + (hireAt >= 0 ? 1 : 0) && (groupsAt < 0 || hireAt < 0 || groupsAt < hireAt);
        if (!headings.Take(Header.Length).SequenceEqual(Header, StringComparer.OrdinalIgnoreCase) || headings.Count < Header.Length || !extrasInOrder)
            return new Result([], [$"line 1: the header must be {string.Join(',', Header)} (optionally followed by ,{GroupsHeading} and then ,{HireDateHeading})"]);
        var columns = headings.Count;

        var byMail = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<(int Line, string[] Cells)>();
        var number = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var cells = Split(line).Select(c => c.Trim()).ToArray();
            if (cells.Length != columns)
            {
                problems.Add($"line {number}: expected {columns} columns, found {cells.Length}");
                continue;
            }
            if (!IsObjectId(cells[0]))
            {
                problems.Add($"line {number}: id '{cells[0]}' is not an Entra object id (letters, digits and dashes)");
                continue;
            }
            if (cells[6].Length > 0 && IanaTimeZone.Normalize(cells[6]) is null)
            {
                problems.Add($"line {number}: unknown time zone '{cells[6]}'");
                continue;
            }
            if (hireAt >= 0 && cells[hireAt].Length > 0 && ParseDate(cells[hireAt]) is null)
            {
                problems.Add($"line {number}: hire date '{cells[hireAt]}' is not a date like 2026-09-01");
                continue;
            }
            if (people.ContainsKey(cells[0]))
            {
                problems.Add($"line {number}: id {cells[0]} appears twice; the first row is kept");
                continue;
            }
            rows.Add((number, cells));
            people[cells[0]] = new Person { Id = cells[0].ToLowerInvariant() };
            if (cells[1].Length > 0)
                byMail[cells[1]] = cells[0].ToLowerInvariant();
        }

        foreach (var (line, c) in rows)
        {
            var managerId = c[3].Length > 0 ? c[3].ToLowerInvariant() : c[4].Length > 0 ? byMail.GetValueOrDefault(c[4]) : null;
            if ((c[3].Length > 0 || c[4].Length > 0) && (managerId is null || !people.ContainsKey(managerId)))
                problems.Add($"line {line}: manager '{(c[3].Length > 0 ? c[3] : c[4])}' is not in the file; loaded without a manager");
            people[c[0]] = new Person
            {
                Id = c[0].ToLowerInvariant(),
                Mail = Blank(c[1]),
                DisplayName = Blank(c[2]),
                ManagerId = managerId is not null && people.ContainsKey(managerId) ? managerId : null,
                Department = Blank(c[5]),
                TimeZone = IanaTimeZone.Normalize(c[6]),
                GroupIds = groupsAt >= 0 ? [.. c[groupsAt].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => g.ToLowerInvariant())] : [],
                HireDate = hireAt >= 0 ? ParseDate(c[hireAt]) : null,
            };
        }
        return new Result([.. people.Values], problems);
    }

    /// <summary>RFC 4180 fields: commas inside quotes, doubled quotes.</summary>
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>Entra object ids are GUIDs; emulators use GUID-like ids, so the shape is checked, not the exact format.</summary>
    public static bool IsObjectId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static DateOnly? ParseDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
