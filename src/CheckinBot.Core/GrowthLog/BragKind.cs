namespace CheckinBot.Core.GrowthLog;

public enum BragKind
{
    Win,
    CompletedGoal,
    Milestone,

    /// <summary>Feedback marked as praise.</summary>
    Praise,
}
