using CheckinBot.Core.QuestionSets;
namespace CheckinBot.Core.CheckIns.Answers;

/// <summary>
/// Reads answers stored before answers were typed (plain strings such as <c>"4"</c>, <c>"yes"</c>,
/// <c>"60% note"</c> or <c>"20% Milestone reached: title"</c>), so check-ins and drafts saved then still read.
/// </summary>
public static class LegacyAnswers
{
    private const string MilestoneReached = "Milestone reached: ";

    public static AnswerValue FromText(QuestionKind kind, string text) => kind switch
    {
        QuestionKind.Scale when int.TryParse(text, out var n) => new ScaleAnswer(n),
        QuestionKind.YesNo => new YesNoAnswer(text == "yes"),
        QuestionKind.Choice => new ChoiceAnswer(text),
        QuestionKind.GoalProgress when AnswerValidation.ParseProgress(text) is { } progress =>
            progress.Note?.StartsWith(MilestoneReached, StringComparison.Ordinal) == true
                ? new GoalProgressAnswer(progress.Percent, MilestoneTitle: progress.Note[MilestoneReached.Length..])
                : new GoalProgressAnswer(progress.Percent, progress.Note),
        _ => new TextAnswer(text),
    };

    /// <summary>Finished check-ins stored the purpose, not the kind; the default set's purposes imply it.</summary>
    public static QuestionKind KindOf(QuestionPurpose purpose) => purpose switch
    {
        QuestionPurpose.Energy => QuestionKind.Scale,
        QuestionPurpose.GoalProgress => QuestionKind.GoalProgress,
        QuestionPurpose.NewGoalWanted => QuestionKind.YesNo,
        _ => QuestionKind.FreeText,
    };
}
