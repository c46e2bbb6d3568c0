namespace CheckinBot.Core.Insights.Events;

/// <summary>An event as the outbox holds it, with when it was noted (just before its write).</summary>
public sealed record NotedMetricsEvent(MetricsEvent Event, DateTimeOffset NotedAt);
