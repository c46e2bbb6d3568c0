namespace CheckinBot.Core.Insights.Tab;

/// <summary>A feedback request waiting for the signed-in manager (addressed to them, so its topic is theirs to see).</summary>
public sealed record WaitingRequest(string From, string Topic, DateTimeOffset AskedAt);
