namespace CheckinBot.Core.Insights.Events;

/// <summary>What one kind of <see cref="MetricsEvent"/> adds to the rollups.</summary>
public interface IMetricsEventFold
{
    Type EventType { get; }

    /// <summary>
    /// The folds for the event; null while what it points to is not stored (not committed yet, or ever, or erased
    /// since); empty when it counts nothing.
    /// </summary>
    Task<IReadOnlyList<MetricFold>?> FoldAsync(NotedMetricsEvent noted, FoldContext context, CancellationToken cancellationToken);
}
