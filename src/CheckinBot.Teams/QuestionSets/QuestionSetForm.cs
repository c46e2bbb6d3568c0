using CheckinBot.Core;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.QuestionSets;

/// <summary>
/// The question-set card's inputs as HR typed them: the set's name, each existing question's prompt (with its choices or
/// end labels, optional, remove) and one new question. The card is shown again from these values when a save is
/// refused, so nothing typed is lost; <see cref="ToDocument"/> reads them into the admin API's document, keeping what
/// the card does not show (ids, kinds, purposes, "ask only if", length limits) from the version being edited.
/// </summary>
public sealed record QuestionSetForm(IReadOnlyDictionary<string, string?> Values)
{
    public const string Name = "set.name";
    public const string NewPrompt = "new.prompt";
    public const string NewKind = "new.kind";
    public const string NewChoices = "new.choices";
    public const string NewLabels = "new.labels";
    public const string NewPurpose = "new.purpose";
    public const string NewOptional = "new.optional";
    private const int MaxInput = 2000;

    public static string Prompt(int i) => $"q{i}.prompt";
    public static string Choices(int i) => $"q{i}.choices";
    public static string Labels(int i) => $"q{i}.labels";
    public static string Optional(int i) => $"q{i}.optional";
    public static string Remove(int i) => $"q{i}.remove";

    public string? this[string field] => Values.GetValueOrDefault(field) is { Length: > 0 } value ? value : null;

    public static QuestionSetForm From(QuestionSet set)
    {
        var values = new Dictionary<string, string?> { [Name] = set.Name, [NewKind] = "choice" };
        foreach (var (q, i) in QuestionSetDocument.From(set).Questions!.Select((q, i) => (q, i)))
        {
            values[Prompt(i)] = q.Prompt;
            values[Choices(i)] = q.Choices is { } choices ? string.Join(", ", choices) : null;
            values[Labels(i)] = q.LowLabel is null && q.HighLabel is null ? null : $"{q.LowLabel}, {q.HighLabel}";
            values[Optional(i)] = q.Optional ? "true" : "false";
        }
        return new QuestionSetForm(values);
    }

    /// <summary>A new set's card: a name and its first question.</summary>
    public static QuestionSetForm New() => new(new Dictionary<string, string?> { [NewKind] = "scale" });

    /// <summary>What the card sent, for <paramref name="questions"/> existing questions.</summary>
    public static QuestionSetForm From(CardRequest request, int questions)
    {
        var fields = new List<string> { Name, NewPrompt, NewKind, NewChoices, NewLabels, NewPurpose, NewOptional };
        for (var i = 0; i < questions; i++)
            fields.AddRange([Prompt(i), Choices(i), Labels(i), Optional(i), Remove(i)]);
        return new(fields.ToDictionary(f => f, f => request.Get(f)?.Trim() is { Length: > 0 and <= MaxInput } value ? value : null));
    }

    /// <summary>The set as a document for <see cref="QuestionSetService"/>: the edited version's questions as changed, then the new one.</summary>
    public QuestionSetDocument ToDocument(string id, QuestionSet? basis)
    {
        var questions = new List<QuestionDocument>();
        foreach (var (q, i) in (basis is null ? [] : QuestionSetDocument.From(basis).Questions!).Select((q, i) => (q, i)))
        {
            if (this[Remove(i)] == "true")
                continue;
            var (low, high) = EndLabels(this[Labels(i)]);
            questions.Add(q with
            {
                Prompt = this[Prompt(i)] ?? (q.Kind == QuestionSetDocument.ReflectionKind ? null : ""),
                Choices = q.Kind == "choice" ? List(this[Choices(i)]) : q.Choices,
                LowLabel = q.Kind == "scale" ? low : q.LowLabel,
                HighLabel = q.Kind == "scale" ? high : q.HighLabel,
                Optional = this[Optional(i)] == "true",
            });
        }
        // A blank new question is not added, unless it is a reflection (its prompt rotates, so it may stay empty).
        var prompt = this[NewPrompt];
        if (prompt is not null || this[NewKind] == QuestionSetDocument.ReflectionKind)
        {
            var kind = this[NewKind] ?? "freeText";
            var (low, high) = EndLabels(this[NewLabels]);
            questions.Add(new QuestionDocument
            {
                Id = FreeId(prompt ?? kind, questions.Select(q => q.Id ?? "")),
                Kind = kind,
                Prompt = prompt,
                Purpose = this[NewPurpose] is { } purpose && purpose != "none" ? purpose : null,
                Optional = this[NewOptional] == "true",
                Choices = kind == "choice" ? List(this[NewChoices]) : null,
                LowLabel = kind == "scale" ? low : null,
                HighLabel = kind == "scale" ? high : null,
            });
        }
        return new QuestionSetDocument { Id = id, Name = this[Name], Questions = questions };
    }

    private static IReadOnlyList<string> List(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>"not at all, completely": the scale's two ends.</summary>
    private static (string? Low, string? High) EndLabels(string? text) => List(text) switch
    {
        [var low, var high] => (low, high),
        _ => (null, null),
    };

    /// <summary>A question id from its prompt ("How was your week?" → how-was-your-week), unique within the set.</summary>
    private static string FreeId(string prompt, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        return IdSlug.Candidates(IdSlug.From(prompt, 32, "question", maxWords: 5)).First(id => !used.Contains(id));
    }
}
