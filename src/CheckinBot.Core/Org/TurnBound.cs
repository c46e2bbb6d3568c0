using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Org;

/// <summary>
/// The one rule for a turn meeting a slow source (Microsoft Graph behind the directory or group membership): wait for
/// the work at most <see cref="TurnLookupOptions.TurnLookupTimeout"/>, then go on without it while the work continues
/// in the background and fills its cache for the next turn.
/// </summary>
public sealed class TurnBound(IOptions<TurnLookupOptions> options, TimeProvider timeProvider)
{
    /// <summary>True when <paramref name="work"/> finished within the bound (its outcome is the caller's to read).</summary>
    public async Task<bool> WaitAsync(Task work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.IsCompleted)
            return true;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bound = Task.Delay(options.Value.TurnLookupTimeout, timeProvider, timer.Token);
        var first = await Task.WhenAny(work, bound);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == work;
    }
}
