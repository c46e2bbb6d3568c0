using CheckinBot.Core.Insights.Events;
using CheckinBot.Core.Messaging;

namespace CheckinBot.Storage.Outbox;

/// <summary>Metrics events as rows of the outbox's metrics partition, written down by <see cref="MetricsEventKeys"/>.</summary>
internal sealed class TableMetricsOutbox(IDeliveryOutbox outbox) : IMetricsOutbox
{
    public Task NoteAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken) =>
        outbox.NoteAsync(OutboxKind.Metrics, metricsEvent.OwnerId, MetricsEventKeys.ItemOf(metricsEvent), cancellationToken);

    public async Task<IReadOnlyList<NotedMetricsEvent>> ListDueAsync(int max, CancellationToken cancellationToken)
    {
        var events = new List<NotedMetricsEvent>();
        foreach (var entry in await outbox.ListDueAsync(OutboxKind.Metrics, max, cancellationToken))
        {
            if (MetricsEventKeys.Parse(entry.OwnerId, entry.ItemId) is { } metricsEvent)
                events.Add(new NotedMetricsEvent(metricsEvent, entry.NotedAt));
            else
                await outbox.ForgetAsync(entry, cancellationToken);
        }
        return events;
    }

    public Task ForgetAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken) =>
        outbox.ForgetAsync(new OutboxEntry(OutboxKind.Metrics, metricsEvent.OwnerId, MetricsEventKeys.ItemOf(metricsEvent), default), cancellationToken);
}
