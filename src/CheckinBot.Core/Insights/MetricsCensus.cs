namespace CheckinBot.Core.Insights;

/// <summary>How many people each group has, when that was counted, and whose tree is the whole organisation's.</summary>
/// <param name="Root">The manager at the top (the largest tree), the default parent of the <c>manager</c> cut.</param>
public sealed record MetricsCensus(IReadOnlyDictionary<string, int> Sizes, DateTimeOffset TakenAt, string? Root);
