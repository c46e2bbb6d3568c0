namespace CheckinBot.Core.Insights.Events.CheckinStarted;

/// <summary>A check-in from a send got its first answer.</summary>
public sealed record CheckinStarted(string UserId, string CheckinId) : MetricsEvent(UserId);
