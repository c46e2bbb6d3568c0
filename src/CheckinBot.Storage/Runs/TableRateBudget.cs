using CheckinBot.Core.Messaging;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Runs;
using Microsoft.Extensions.Options;

namespace CheckinBot.Storage.Runs;

/// <summary>
/// A per-second budget kept in Table Storage so every instance shares it: one row per second of a 120-row ring
/// (<c>outbox/rate</c>, row = second mod 120) counts the slots granted in that second; an instance reserves a fifth of them at a
/// time with a conditional write and hands them out locally. A pause row holds sending back after a 429.
/// Slot i of second s belongs to the moment s + i/budget, for every instance alike: it is used no earlier than that and
/// no later than <see cref="Late"/> after, else given up, and a reservation never starts at a moment already past. So the
/// slots used in any sliding second, by all instances together, are at most budget × (1 + <see cref="Late"/>): 46.8 for
/// a budget of 45, which leaves Teams' 50 a margin for requests that take a few milliseconds longer than others to arrive.
/// Within an instance, callers wait in one line where interactive ones go first.
/// </summary>
internal sealed class TableRateBudget : IRateBudget
{
    private const string Partition = "rate";
    private const int Ring = 120;
    private readonly CheckinTables _tables;
    private readonly TimeProvider _time;
    private readonly int _perSecond;
    private readonly PriorityGate _gate = new();
    private long _localSecond = -1;
    private int _localLeft;
    private int _localIndex;
    private TimeSpan _writeTook = TimeSpan.Zero;
    private (DateTimeOffset CheckedAt, DateTimeOffset? Until) _pause = (DateTimeOffset.MinValue, null);

    public TableRateBudget(CheckinTables tables, TimeProvider time, IOptions<SendBudgetOptions> options)
    {
        _tables = tables;
        _time = time;
        _perSecond = options.Value.MaxRequestsPerSecond;
    }

    public async Task<long> AcquireAsync(SendPriority priority, CancellationToken cancellationToken)
    {
        await _gate.EnterAsync(priority, cancellationToken);
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                if (await PausedUntilAsync(cancellationToken) is { } until && until > now)
                {
                    await Task.Delay(until - now, _time, cancellationToken);
                    continue;
                }
                var second = now.ToUnixTimeSeconds();
                while (_localSecond == second && _localLeft > 0)
                {
                    _localLeft--;
                    if (await TryUseAsync(second, _localIndex++, cancellationToken))
                        return second;
                }
                var (first, reserved) = await ReserveAsync(second, cancellationToken);
                if (reserved > 0)
                {
                    (_localSecond, _localLeft, _localIndex) = (second, reserved, first);
                    continue;
                }
                // This second's budget is spent (by any instance): wait for the next one, unless a slow reservation
                // already took us into it (a negative delay would throw and fail the whole chunk).
                var untilNext = DateTimeOffset.FromUnixTimeSeconds(second + 1) - _time.GetUtcNow() + TimeSpan.FromMilliseconds(5);
                if (untilNext > TimeSpan.Zero)
                    await Task.Delay(untilNext, _time, cancellationToken);
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    public async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var until = _time.GetUtcNow() + delay;
        await _tables.Outbox.UpsertEntityAsync(new TableEntity(Partition, "paused") { ["Until"] = until }, TableUpdateMode.Replace, cancellationToken);
        _pause = (_time.GetUtcNow(), until);
    }

    /// <summary>Read at most once a second per instance: a pause reaches every instance within a second.</summary>
    private async Task<DateTimeOffset?> PausedUntilAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now - _pause.CheckedAt < TimeSpan.FromSeconds(1))
            return _pause.Until;
        var row = await _tables.Outbox.GetEntityIfExistsAsync<TableEntity>(Partition, "paused", cancellationToken: cancellationToken);
        _pause = (now, row.HasValue ? row.Value!.GetDateTimeOffset("Until") : null);
        return _pause.Until;
    }

    /// <summary>How late a slot may still be used; later ones are given up (see the class summary).</summary>
    private static readonly TimeSpan Late = TimeSpan.FromMilliseconds(40);

    private TimeSpan SlotLength => TimeSpan.FromSeconds(1.0 / _perSecond);

    /// <summary>Waits for slot <paramref name="index"/>'s moment; false (the slot is given up) when that moment is long past.</summary>
    private async Task<bool> TryUseAsync(long second, int index, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(second) + (SlotLength * index);
        var wait = at - _time.GetUtcNow();
        if (wait < -Late)
            return false;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, _time, cancellationToken);
        return true;
    }

    /// <summary>Takes up to a few of this second's slots (the first one's index and how many); 0 when the second is spent.</summary>
    private async Task<(int First, int Count)> ReserveAsync(long second, CancellationToken cancellationToken)
    {
        var key = (second % Ring).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            return await Core.OptimisticUpdate.RetryAsync(() => TryReserveAsync(second, key, cancellationToken), $"Send budget second {key}", maxAttempts: 10);
        }
        catch (Core.ConcurrencyConflictException)
        {
            return (0, 0); // the second went to other instances: the caller waits for the next one
        }
    }

    private async Task<(bool Written, (int First, int Count) Slots)> TryReserveAsync(long second, string key, CancellationToken cancellationToken)
    {
        var row = await _tables.Outbox.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
        var sameSecond = row.HasValue && row.Value!.GetInt64("Second") == second;
        var used = sameSecond ? row.Value!.GetInt32("Used") ?? 0 : 0;
        // Never slots that will be more than half their lateness allowance past when the write is back (if it takes
        // as long as the last one): a slow reservation must not hand out slots only to give them up.
        var started = _time.GetTimestamp();
        var earliest = _time.GetUtcNow() + _writeTook - (Late / 2) - DateTimeOffset.FromUnixTimeSeconds(second);
        var first = Math.Max(used, (int)Math.Ceiling(earliest / SlotLength));
        // A fifth of a second's budget at a time: few storage round trips, and other instances still get their share.
        var take = Math.Min(Math.Max(1, _perSecond / 5), _perSecond - first);
        if (take <= 0)
            return (true, (0, 0));
        var next = new TableEntity(Partition, key) { ["Second"] = second, ["Used"] = first + take };
        try
        {
            if (row.HasValue)
                await _tables.Outbox.UpdateEntityAsync(next, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            else
                await _tables.Outbox.AddEntityAsync(next, cancellationToken);
            _writeTook = _time.GetElapsedTime(started);
            return (true, (first, take));
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return (false, default); // another instance reserved at the same moment: read again
        }
    }
}
