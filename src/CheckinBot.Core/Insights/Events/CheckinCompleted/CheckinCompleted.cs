namespace CheckinBot.Core.Insights.Events.CheckinCompleted;

/// <summary>A person finished a check-in.</summary>
public sealed record CheckinCompleted(string UserId, string CheckinId) : MetricsEvent(UserId)
{
    public override bool MovesGoalStock => true;
}
