namespace CheckinBot.Core.Messaging;

/// <summary>
/// The tenant-wide budget for connector calls (<c>Teams:MaxRequestsPerSecond</c>), shared by every instance: a send
/// waits for a slot, and a 429's <c>Retry-After</c> pauses everyone.
/// </summary>
public interface IRateBudget
{
    /// <summary>Waits for one slot; returns the (Unix) second it was granted in.</summary>
    Task<long> AcquireAsync(CancellationToken cancellationToken);

    /// <summary>Teams said slow down: no instance takes a slot until <paramref name="delay"/> has passed.</summary>
    Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken);
}
