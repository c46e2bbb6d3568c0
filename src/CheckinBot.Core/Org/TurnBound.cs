using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Org;

/// <summary>
/// The one rule for a turn meeting a slow source (Microsoft Graph behind the directory or group membership): wait for
/// the work at most <see cref="TurnLookupOptions.TurnLookupTimeout"/>, then go on without it while the work continues
/// in the background and fills its cache for the next turn.
/// </summary>
public sealed class TurnBound(IOptions<TurnLookupOptions> options, TimeProvider timeProvider)
{
    /// <summary>
    /// True when <paramref name="work"/> finished within the bound counted from <paramref name="startedAt"/>, when it
    /// began: every read that joins the same work shares one deadline, so a slow source costs each person at most one
    /// waiting turn, however many they send meanwhile.
    /// </summary>
    public async Task<bool> WaitAsync(Task work, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var left = startedAt + options.Value.TurnLookupTimeout - timeProvider.GetUtcNow();
        if (work.IsCompleted || left <= TimeSpan.Zero)
            return work.IsCompleted;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bound = Task.Delay(left, timeProvider, timer.Token);
        var first = await Task.WhenAny(work, bound);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == work;
    }
}
