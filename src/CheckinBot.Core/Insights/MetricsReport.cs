namespace CheckinBot.Core.Insights;

/// <summary>The answer to a <see cref="MetricsRequest"/>: the parent group's figures and its children's, thresholded.</summary>
public sealed record MetricsReport(
    DateOnly From,
    DateOnly To,
    MetricsGroupBy GroupBy,
    MetricsPeriod Period,
    int MinGroupSize,
    GroupFigures Total,
    IReadOnlyList<GroupFigures> Groups);
