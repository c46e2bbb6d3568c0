namespace CheckinBot.Core.Insights.Events.FeedbackAnswered;

/// <summary>A feedback request was answered (the owner is the person who asked).</summary>
public sealed record FeedbackAnswered(string RequesterId, string AskId) : MetricsEvent(RequesterId);
