using System.Text.RegularExpressions;

namespace CheckinBot.Core.Commands;

/// <summary>Turns what a person typed into a command: case-insensitive, tolerant of extra spaces and punctuation.</summary>
public static partial class ChatCommandParser
{
    // Longest phrases first so that "add goal" wins over "goals"-like prefixes.
    private static readonly (string Phrase, ChatCommandKind Kind)[] Phrases =
    [
        ("export my data", ChatCommandKind.ExportMyData),
        ("question sets", ChatCommandKind.QuestionSets),
        ("review pack", ChatCommandKind.ReviewPack),
        ("full check-ins", ChatCommandKind.FullCheckins),
        ("full checkins", ChatCommandKind.FullCheckins),
        ("full check ins", ChatCommandKind.FullCheckins),
        ("delete my data", ChatCommandKind.DeleteMyData),
        ("add goal", ChatCommandKind.AddGoal),
        ("i'm back", ChatCommandKind.Back),
        ("i’m back", ChatCommandKind.Back),
        ("im back", ChatCommandKind.Back),
        ("check in", ChatCommandKind.CheckIn),
        ("checkin", ChatCommandKind.CheckIn),
        ("check-in", ChatCommandKind.CheckIn),
        ("feedback", ChatCommandKind.Feedback),
        ("cadences", ChatCommandKind.Cadences),
        ("snooze", ChatCommandKind.Snooze),
        ("goals", ChatCommandKind.Goals),
        ("stats", ChatCommandKind.Stats),
        ("help", ChatCommandKind.Help),
        ("wins", ChatCommandKind.Wins),
        ("skip", ChatCommandKind.Skip),
        ("team", ChatCommandKind.Team),
        ("away", ChatCommandKind.Away),
        ("back", ChatCommandKind.Back),
        ("?", ChatCommandKind.Help),
    ];

    public static ChatCommand Parse(string? text)
    {
        var normalized = Whitespace().Replace(text ?? "", " ").Trim().TrimEnd('.', '!');
        foreach (var (phrase, kind) in Phrases)
        {
            if (normalized.Equals(phrase, StringComparison.OrdinalIgnoreCase))
                return new ChatCommand(kind);
            if (normalized.StartsWith(phrase + " ", StringComparison.OrdinalIgnoreCase))
                return new ChatCommand(kind, normalized[(phrase.Length + 1)..].Trim());
        }
        return new ChatCommand(ChatCommandKind.Unknown, normalized);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
