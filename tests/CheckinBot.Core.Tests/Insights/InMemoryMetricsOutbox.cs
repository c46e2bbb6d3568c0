using CheckinBot.Core.Insights.Events;

namespace CheckinBot.Core.Tests.Insights;

/// <summary>The metrics outbox port in memory: the typed events as noted, noted times from the test's clock.</summary>
internal sealed class InMemoryMetricsOutbox(TimeProvider timeProvider) : IMetricsOutbox
{
    private readonly Dictionary<MetricsEvent, DateTimeOffset> _events = [];

    public IReadOnlyList<MetricsEvent> Events { get { lock (_events) return [.. _events.Keys]; } }

    public Task NoteAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken)
    {
        lock (_events)
            _events[metricsEvent] = timeProvider.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotedMetricsEvent>> ListDueAsync(int max, CancellationToken cancellationToken)
    {
        lock (_events)
            return Task.FromResult<IReadOnlyList<NotedMetricsEvent>>([.. _events.OrderBy(e => e.Value).Take(max).Select(e => new NotedMetricsEvent(e.Key, e.Value))]);
    }

    public Task ForgetAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken)
    {
        lock (_events)
            _events.Remove(metricsEvent);
        return Task.CompletedTask;
    }
}
