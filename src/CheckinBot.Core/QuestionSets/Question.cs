namespace CheckinBot.Core.QuestionSets;

/// <param name="AskIfYes">Asked only when the question with this id was answered yes.</param>
/// <param name="LowLabel">For a scale: what 1 means (shown with the prompt).</param>
/// <param name="HighLabel">For a scale: what 5 means.</param>
public sealed record Question(
    string Id,
    QuestionKind Kind,
    string Prompt,
    QuestionPurpose Purpose = QuestionPurpose.None,
    bool Optional = false,
    IReadOnlyList<string>? Choices = null,
    int MaxLength = 1000,
    string? AskIfYes = null,
    string? LowLabel = null,
    string? HighLabel = null);
