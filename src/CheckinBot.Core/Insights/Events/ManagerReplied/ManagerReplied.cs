namespace CheckinBot.Core.Insights.Events.ManagerReplied;

/// <summary>Feedback arrived regarding one of the person's check-ins (the owner is the employee).</summary>
public sealed record ManagerReplied(string UserId, string CheckinId) : MetricsEvent(UserId);
