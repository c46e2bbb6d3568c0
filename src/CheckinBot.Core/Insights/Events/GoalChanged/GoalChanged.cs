using CheckinBot.Core.Goals;

namespace CheckinBot.Core.Insights.Events.GoalChanged;

/// <summary>
/// A goal changed outside a check-in: <see cref="Created"/>, <see cref="Completed"/>, a milestone reached
/// (<see cref="Milestone"/>), or <see cref="Moved"/> (progress or status: counts nothing, moves the goal stock).
/// </summary>
public sealed record GoalChanged(string UserId, string GoalId, string Change) : MetricsEvent(UserId)
{
    public const string Created = "created";
    public const string Completed = "completed";
    public const string Moved = "changed";
    public const string MilestonePrefix = "milestone.";

    public static string Milestone(string milestoneId) => MilestonePrefix + milestoneId;

    public override bool MovesGoalStock => true;

    /// <summary>What changed between two versions of a goal (before null: it is new).</summary>
    public static IEnumerable<GoalChanged> Between(LearningGoal? before, LearningGoal after)
    {
        if (before is null)
            yield return new(after.UserId, after.Id, Created);
        foreach (var milestone in after.Milestones.Where(m => m.DoneAt is not null && before?.Milestones.FirstOrDefault(b => b.Id == m.Id)?.DoneAt is null))
            yield return new(after.UserId, after.Id, Milestone(milestone.Id));
        if (after.Status == GoalStatus.Completed && before?.Status != GoalStatus.Completed)
            yield return new(after.UserId, after.Id, Completed);
        else if (before is not null && (before.Percent != after.Percent || before.Status != after.Status))
            yield return new(after.UserId, after.Id, Moved);
    }
}
