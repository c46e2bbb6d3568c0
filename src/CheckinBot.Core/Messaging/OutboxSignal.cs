namespace CheckinBot.Core.Messaging;

/// <summary>
/// Wakes the outbox worker as soon as a turn leaves something to deliver (a shared check-in, feedback), so it goes out
/// within moments; the worker's own timer still finds anything a crash or a throttle left behind.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { } // already signalled: one wake-up covers all new work
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Completes when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Task.WhenAny(_signal.WaitAsync(cancellationToken), Task.Delay(timeout, timeProvider, cancellationToken));
}
