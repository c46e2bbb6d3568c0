using CheckinBot.Core.Goals;

namespace CheckinBot.Core.Insights.Events.GoalChanged;

/// <summary>A goal created, completed or a milestone reached, on the day it happened (once it is stored).</summary>
public sealed class GoalChangedFold(IGoalStore goals) : MetricsEventFold<GoalChanged>
{
    protected override async Task<IReadOnlyList<MetricFold>?> FoldAsync(GoalChanged changed, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken)
    {
        if ((await goals.ListGoalsAsync(changed.UserId, cancellationToken)).FirstOrDefault(g => g.Id == changed.GoalId) is not { } goal)
            return null;
        if (changed.Change == GoalChanged.Moved)
            return []; // counts nothing: the person's goal stock is refreshed
        var (at, tally) = changed.Change switch
        {
            GoalChanged.Created => ((DateTimeOffset?)goal.CreatedAt, new MetricTally { GoalsCreated = 1 }),
            GoalChanged.Completed => (goal.Status == GoalStatus.Completed ? goal.CompletedAt : null, new MetricTally { GoalsCompleted = 1 }),
            _ => (goal.Milestones.FirstOrDefault(m => GoalChanged.Milestone(m.Id) == changed.Change)?.DoneAt, new MetricTally { MilestonesReached = 1 }),
        };
        return at is null ? null
            : [new MetricFold(FoldContext.FoldId($"{changed.UserId}|goal-{changed.GoalId}-{changed.Change}"), DateOnly.FromDateTime(at.Value.UtcDateTime),
                await context.GroupsOfAsync(changed.UserId, null, cancellationToken), tally)];
    }
}
