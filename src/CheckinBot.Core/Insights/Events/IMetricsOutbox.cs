namespace CheckinBot.Core.Insights.Events;

/// <summary>
/// Metrics events still to fold. The adapter decides how an event is written down; an entry is a hint, its fold always
/// checks the write it points to.
/// </summary>
public interface IMetricsOutbox
{
    /// <summary>Notes an event as due now, before the write it describes.</summary>
    Task NoteAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken);

    /// <summary>Events due now, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<NotedMetricsEvent>> ListDueAsync(int max, CancellationToken cancellationToken);

    /// <summary>Takes the event off the outbox: it is folded, or its write never happened.</summary>
    Task ForgetAsync(MetricsEvent metricsEvent, CancellationToken cancellationToken);
}
