namespace CheckinBot.Core.CheckIns;

public enum QuestionKind
{
    /// <summary>A whole number from 1 to 5.</summary>
    Scale,

    /// <summary>One of <see cref="Question.Choices"/>.</summary>
    Choice,
    FreeText,

    /// <summary>Asked once per active learning goal: progress 0–100 %, optionally followed by a note.</summary>
    GoalProgress,
    YesNo,
}

/// <summary>What an answer feeds in the growth log, beyond being part of the check-in.</summary>
public enum QuestionPurpose
{
    None,
    Energy,
    GoalProgress,
    Win,
    Blocker,
    Reflection,
    NewGoalWanted,
    NewGoalTitle,
    FeedbackRequest,
}

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

/// <summary>A versioned list of questions. Stored as data so that HR can edit sets without a release.</summary>
/// <param name="Retired">No cadence may name it any more; check-ins asked with it keep it.</param>
public sealed record QuestionSet(string Id, int Version, string Name, IReadOnlyList<Question> Questions, bool Retired = false)
{
    /// <summary>A check-in stays short.</summary>
    public const int MaxQuestions = 15;

    public const string DefaultId = "default";

    /// <summary>The career-development set: about three minutes.</summary>
    public static QuestionSet Default { get; } = new(DefaultId, 1, "Career growth check-in",
    [
        new("energy", QuestionKind.Scale, "How energised do you feel about your growth this period? (1 = drained, 5 = fired up)", QuestionPurpose.Energy),
        new("goals", QuestionKind.GoalProgress, "Where is your goal \"{goal}\" now? Give a percentage (0–100), optionally followed by a short note.", QuestionPurpose.GoalProgress),
        new("learned", QuestionKind.FreeText, "What did you learn or accomplish? It goes on your brag sheet.", QuestionPurpose.Win, Optional: true),
        new("blockers", QuestionKind.FreeText, "Anything blocking you, or support you want from your manager?", QuestionPurpose.Blocker, Optional: true),
        new("reflection", QuestionKind.FreeText, "{reflection}", QuestionPurpose.Reflection, Optional: true),
        new("new-goal", QuestionKind.YesNo, "Do you want to add a new learning goal?", QuestionPurpose.NewGoalWanted, Optional: true),
        new("new-goal-title", QuestionKind.FreeText, "What is the goal? One line, e.g. \"Give a conference talk by June\".", QuestionPurpose.NewGoalTitle, MaxLength: 200, AskIfYes: "new-goal"),
        new("feedback", QuestionKind.FreeText, "Is there something specific you'd like your manager's feedback on? (optional)", QuestionPurpose.FeedbackRequest, Optional: true),
    ]);
}

/// <summary>Question sets as stored, versioned data. A check-in records the version it was asked with.</summary>
public interface IQuestionSetStore
{
    /// <summary>The newest version of the set, or null when there is no such set.</summary>
    Task<QuestionSet?> FindLatestAsync(string questionSetId, CancellationToken cancellationToken);

    /// <summary>Stores a new version; false when that version already exists (versions are never overwritten).</summary>
    Task<bool> TryAddVersionAsync(QuestionSet questionSet, CancellationToken cancellationToken);

    /// <summary>The newest version of every set, retired ones included.</summary>
    Task<IReadOnlyList<QuestionSet>> ListLatestAsync(CancellationToken cancellationToken);
}
