namespace CheckinBot.Core.QuestionSets;

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
