namespace CheckinBot.Core.Insights.Events;

/// <summary>A fold for the events of type <typeparamref name="TEvent"/>.</summary>
public abstract class MetricsEventFold<TEvent> : IMetricsEventFold
    where TEvent : MetricsEvent
{
    public Type EventType => typeof(TEvent);

    public Task<IReadOnlyList<MetricFold>?> FoldAsync(NotedMetricsEvent noted, FoldContext context, CancellationToken cancellationToken) =>
        FoldAsync((TEvent)noted.Event, noted.NotedAt, context, cancellationToken);

    protected abstract Task<IReadOnlyList<MetricFold>?> FoldAsync(TEvent metricsEvent, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken);
}
