namespace CheckinBot.Core.Insights;

/// <summary>One rollup row: a group's tally on one (UTC) day.</summary>
public sealed record DailyTally(string Group, DateOnly Day, MetricTally Tally);
