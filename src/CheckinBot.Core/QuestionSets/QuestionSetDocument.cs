using CheckinBot.Core.CheckIns;

namespace CheckinBot.Core.QuestionSets;

/// <summary>
/// A question set as HR reads and writes it over the admin API: <c>{"id","name","questions":[…]}</c>, plus the
/// version and whether it is retired when read. Converted to and from the stored <see cref="QuestionSet"/>.
/// </summary>
public sealed record QuestionSetDocument
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<QuestionDocument>? Questions { get; init; }

    /// <summary>Read only: the version this document shows (a save makes the next one).</summary>
    public int? Version { get; init; }

    /// <summary>Read only.</summary>
    public bool? Retired { get; init; }

    public const string ReflectionKind = "reflection";

    public static QuestionSetDocument From(QuestionSet set) => new()
    {
        Id = set.Id,
        Name = set.Name,
        Version = set.Version,
        Retired = set.Retired,
        Questions = [.. set.Questions.Select(q => new QuestionDocument
        {
            Id = q.Id,
            Kind = q.Purpose == QuestionPurpose.Reflection && q.Kind == QuestionKind.FreeText ? ReflectionKind : KindName(q.Kind),
            Prompt = q.Purpose == QuestionPurpose.Reflection && q.Prompt == ReflectionPlaceholder ? null : q.Prompt,
            Purpose = q.Purpose == QuestionPurpose.None ? null : Camel(q.Purpose.ToString()),
            Optional = q.Optional,
            Choices = q.Choices,
            MaxLength = q.Kind == QuestionKind.FreeText ? q.MaxLength : null,
            AskIfYes = q.AskIfYes,
            LowLabel = q.LowLabel,
            HighLabel = q.HighLabel,
        })],
    };

    /// <summary>The stored set this document describes, as <paramref name="version"/>; call only on a valid document.</summary>
    public QuestionSet ToQuestionSet(int version) => new(Id!.Trim(), version, Name!.Trim(), [.. Questions!.Select(q =>
    {
        var reflection = q.Kind == ReflectionKind;
        var kind = reflection ? QuestionKind.FreeText : ParseKind(q.Kind)!.Value;
        return new Question(
            q.Id!.Trim(),
            kind,
            reflection && string.IsNullOrWhiteSpace(q.Prompt) ? ReflectionPlaceholder : q.Prompt!.Trim(),
            reflection ? QuestionPurpose.Reflection : ParsePurpose(q.Purpose) ?? DefaultPurpose(kind),
            q.Optional,
            kind == QuestionKind.Choice ? [.. q.Choices!.Select(c => c.Trim())] : null,
            q.MaxLength ?? 1000,
            string.IsNullOrWhiteSpace(q.AskIfYes) ? null : q.AskIfYes.Trim(),
            string.IsNullOrWhiteSpace(q.LowLabel) ? null : q.LowLabel.Trim(),
            string.IsNullOrWhiteSpace(q.HighLabel) ? null : q.HighLabel.Trim());
    })]);

    /// <summary>The prompt a reflection question asks (CheckinSteps fills it from the rotating prompts).</summary>
    public const string ReflectionPlaceholder = "{reflection}";

    internal static QuestionKind? ParseKind(string? kind) =>
        Enum.GetValues<QuestionKind>().Cast<QuestionKind?>().FirstOrDefault(k => string.Equals(KindName(k!.Value), kind?.Trim(), StringComparison.Ordinal));

    internal static QuestionPurpose? ParsePurpose(string? purpose) =>
        string.IsNullOrWhiteSpace(purpose) ? null
        : Enum.GetValues<QuestionPurpose>().Cast<QuestionPurpose?>().FirstOrDefault(p => string.Equals(Camel(p!.Value.ToString()), purpose.Trim(), StringComparison.Ordinal));

    /// <summary>Energy for a scale and progress for goals, so the metrics and the goals keep working without HR saying so.</summary>
    private static QuestionPurpose DefaultPurpose(QuestionKind kind) => kind switch
    {
        QuestionKind.GoalProgress => QuestionPurpose.GoalProgress,
        _ => QuestionPurpose.None,
    };

    private static string KindName(QuestionKind kind) => Camel(kind.ToString());

    /// <summary>A kind's or purpose's name as the API writes it (camelCase: <c>freeText</c>, <c>feedbackRequest</c>).</summary>
    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
