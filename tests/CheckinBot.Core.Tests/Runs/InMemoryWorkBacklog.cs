using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Tests.Runs;

/// <summary>A queue that only records what was put on it and when it becomes visible: the tests do the work themselves.</summary>
internal sealed class InMemoryWorkBacklog : IWorkBacklog
{
    private readonly List<(SendWork Work, TimeSpan Delay)> _queued = [];

    public IReadOnlyList<(SendWork Work, TimeSpan Delay)> Queued { get { lock (_queued) return [.. _queued]; } }

    public Task EnqueueAsync(IEnumerable<SendWork> work, TimeSpan delay, CancellationToken cancellationToken)
    {
        lock (_queued)
            _queued.AddRange(work.Select(w => (w, delay)));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedWork>> TakeAsync(int max, TimeSpan invisibleFor, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The tests do the work themselves.");

    public Task<QueuedWork> KeepHiddenAsync(QueuedWork work, TimeSpan invisibleFor, CancellationToken cancellationToken) => Task.FromResult(work);

    public Task DeleteAsync(QueuedWork work, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RetryLaterAsync(QueuedWork work, TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;
}
