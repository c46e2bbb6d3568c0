namespace CheckinBot.Core.Messaging;

/// <summary>
/// The tenant-wide budget for connector calls (<c>Teams:MaxRequestsPerSecond</c>), shared by every instance: every call
/// outside a turn, and every retry of one, waits for a slot, and a 429's <c>Retry-After</c> pauses everyone.
/// </summary>
public interface IRateBudget
{
    /// <summary>Waits for one slot, <see cref="SendPriority.Interactive"/> callers first; returns the (Unix) second it was granted in.</summary>
    Task<long> AcquireAsync(SendPriority priority, CancellationToken cancellationToken);

    /// <summary>Teams said slow down: no instance takes a slot until <paramref name="delay"/> has passed.</summary>
    Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken);
}
