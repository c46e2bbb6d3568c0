namespace CheckinBot.Core.Insights.Events.CheckinSnoozed;

/// <summary>A person snoozed their check-ins until <paramref name="Until"/>.</summary>
public sealed record CheckinSnoozed(string UserId, DateTimeOffset Until) : MetricsEvent(UserId);
