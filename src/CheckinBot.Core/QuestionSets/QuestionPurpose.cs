namespace CheckinBot.Core.QuestionSets;

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
