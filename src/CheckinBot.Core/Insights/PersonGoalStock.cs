namespace CheckinBot.Core.Insights;

/// <summary>One person's active goals' progress (percent each), kept by the aggregator for the census to add up.</summary>
public sealed record PersonGoalStock(string UserId, IReadOnlyList<int> ActiveProgress);
