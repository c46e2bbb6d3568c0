namespace CheckinBot.Core.QuestionSets;

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
