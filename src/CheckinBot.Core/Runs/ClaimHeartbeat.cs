using System.Collections.Concurrent;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Keeps a sender's claims alive while it works: every third of <see cref="FanoutOptions.ClaimFor"/> each recipient it
/// still holds is claimed again with a conditional write. So a claim can be short (after a crash the recipients are free
/// again within one claim) however long a send waits for the budget or for Teams. A recipient whose outcome is being
/// recorded is let go first; a renewal that loses to that write just drops it.
/// </summary>
internal sealed class ClaimHeartbeat : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RunRecipient> _held;
    private readonly IRunRecipientStore _runs;
    private readonly TimeSpan _claimFor;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ClaimHeartbeat(IReadOnlyList<RunRecipient> claimed, IRunRecipientStore runs, TimeSpan claimFor, TimeProvider time)
    {
        _held = new(claimed.Select(r => KeyValuePair.Create(r.UserId, r)));
        _runs = runs;
        _claimFor = claimFor;
        _time = time;
        _loop = BeatAsync();
    }

    public static ClaimHeartbeat Start(IReadOnlyList<RunRecipient> claimed, IRunRecipientStore runs, TimeSpan claimFor, TimeProvider time) =>
        new(claimed, runs, claimFor, time);

    /// <summary>The recipient as last claimed (its newest version and claim end).</summary>
    public RunRecipient Latest(RunRecipient claimed) => _held.TryGetValue(claimed.UserId, out var held) ? held : claimed;

    /// <summary>Stops renewing the recipient's claim (its outcome is about to be written) and returns it as last claimed.</summary>
    public RunRecipient LetGo(RunRecipient claimed) => _held.TryRemove(claimed.UserId, out var held) ? held : claimed;

    private async Task BeatAsync()
    {
        var every = _claimFor / 3;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _time, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var until = _time.GetUtcNow() + _claimFor;
            await Parallel.ForEachAsync(_held.Values, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (held, _) =>
            {
                var renewed = held with { ClaimedUntil = until };
                try
                {
                    if (await _runs.TrySaveRecipientAsync(renewed, CancellationToken.None) is { } version)
                        _held.TryUpdate(held.UserId, renewed with { Version = version }, held);
                    else
                        _held.TryRemove(KeyValuePair.Create(held.UserId, held)); // its outcome was written meanwhile
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A storage fault: the next beat tries again, well before the claim runs out.
                }
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
