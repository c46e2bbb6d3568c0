namespace CheckinBot.Core.Runs;

/// <summary>
/// At-least-once work shared by every instance (Azure Storage Queues): a taken message is invisible for a while and
/// comes back if its taker dies before deleting it.
/// </summary>
public interface IWorkBacklog
{
    /// <summary>Queues work, visible after <paramref name="delay"/> (at most 7 days: a planned send waits for its local time).</summary>
    Task EnqueueAsync(IEnumerable<SendWork> work, TimeSpan delay, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueuedWork>> TakeAsync(int max, TimeSpan invisibleFor, CancellationToken cancellationToken);

    Task DeleteAsync(QueuedWork work, CancellationToken cancellationToken);

    /// <summary>Keeps taken work hidden for another <paramref name="invisibleFor"/>; returns it with its new receipt.</summary>
    Task<QueuedWork> KeepHiddenAsync(QueuedWork work, TimeSpan invisibleFor, CancellationToken cancellationToken);

    /// <summary>Puts the work back, visible again after <paramref name="delay"/>.</summary>
    Task RetryLaterAsync(QueuedWork work, TimeSpan delay, CancellationToken cancellationToken);
}
