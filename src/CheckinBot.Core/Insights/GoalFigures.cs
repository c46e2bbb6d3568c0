namespace CheckinBot.Core.Insights;

/// <summary>
/// Growth: learning goals the group's people created, milestones they reached, goals they completed (in the range or
/// period); and, for the whole range only, the stock at the census: people with an active goal and the median progress
/// of active goals (null in periods, for cadences, and when no one has one).
/// </summary>
public sealed record GoalFigures(int Created, int MilestonesReached, int Completed, int? PeopleWithGoals = null, double? MedianProgress = null)
{
    public static GoalFigures Of(MetricTally tally, GoalStock? stock = null) =>
        new(tally.GoalsCreated, tally.MilestonesReached, tally.GoalsCompleted, stock?.PeopleWithGoals, stock?.MedianProgress);
}
