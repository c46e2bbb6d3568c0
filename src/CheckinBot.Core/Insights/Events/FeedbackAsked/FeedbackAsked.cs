namespace CheckinBot.Core.Insights.Events.FeedbackAsked;

/// <summary>Someone asked for feedback (a colleague's, or their manager's on a shared check-in).</summary>
public sealed record FeedbackAsked(string RequesterId, string AskId) : MetricsEvent(RequesterId);
