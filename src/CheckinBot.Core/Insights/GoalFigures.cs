namespace CheckinBot.Core.Insights;

/// <summary>Growth: learning goals the group's people created, milestones they reached, goals they completed.</summary>
public sealed record GoalFigures(int Created, int MilestonesReached, int Completed)
{
    public static GoalFigures Of(MetricTally tally) => new(tally.GoalsCreated, tally.MilestonesReached, tally.GoalsCompleted);
}
