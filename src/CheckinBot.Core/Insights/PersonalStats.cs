namespace CheckinBot.Core.Insights;

/// <summary>A person's own last four weeks, from their own log.</summary>
public sealed record PersonalStats(
    int CheckinsCompleted,
    IReadOnlyList<int> RecentEnergy,
    int ActiveGoals,
    int GoalsCompleted,
    int MilestonesReached,
    int FeedbackReceived);
