namespace CheckinBot.Core.GrowthLog;

/// <summary>Feedback asked for in a check-in's last question.</summary>
public sealed record CheckinFeedbackTopic(DateTimeOffset At, string Topic, bool SharedWithManager, string? CheckinId = null);
