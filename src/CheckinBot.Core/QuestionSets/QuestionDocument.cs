namespace CheckinBot.Core.QuestionSets;

/// <summary>One question as HR writes it (the admin API's JSON, README.md): <see cref="Kind"/> is <c>scale</c>,
/// <c>choice</c>, <c>freeText</c>, <c>yesNo</c>, <c>goalProgress</c> (asked per active goal) or <c>reflection</c> (a
/// rotating reflection prompt; <see cref="Prompt"/> may stay empty).</summary>
public sealed record QuestionDocument
{
    public string? Id { get; init; }
    public string? Kind { get; init; }
    public string? Prompt { get; init; }
    public string? Purpose { get; init; }
    public bool Optional { get; init; }
    public IReadOnlyList<string>? Choices { get; init; }
    public int? MaxLength { get; init; }
    public string? AskIfYes { get; init; }
    public string? LowLabel { get; init; }
    public string? HighLabel { get; init; }
}
