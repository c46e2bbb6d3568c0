namespace CheckinBot.Core.Org;

/// <summary>Name matching for the colleague picker: any word of the name (or the mail) starts with what was typed.</summary>
public static class PersonNames
{
    public static IEnumerable<string> Tokens(Person person) =>
        $"{person.DisplayName} {person.Mail?.Split('@')[0]}"
            .Split([' ', '.', '-', '_', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.ToLowerInvariant())
            .Distinct();

    public static bool Matches(Person person, string text)
    {
        var words = Normalize(text);
        return words.Length > 0 && words.All(w => Tokens(person).Any(t => t.StartsWith(w, StringComparison.Ordinal)));
    }

    public static string[] Normalize(string text) =>
        text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
