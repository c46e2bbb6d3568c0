namespace CheckinBot.Core.Insights.Tab;

/// <summary>How many of something fell in a calendar month (UTC), <c>yyyy-MM</c>.</summary>
public sealed record MonthCount(string Month, int Count);
