namespace CheckinBot.Core.Managers;

/// <summary>
/// Wakes the manager-summary worker as soon as a check-in is shared, so the summary goes out within seconds; the
/// worker's own timer still finds anything a crash left behind.
/// </summary>
public sealed class SharedCheckinSignal : IDisposable
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
