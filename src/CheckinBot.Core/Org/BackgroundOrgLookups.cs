using System.Collections.Concurrent;
using System.Threading.Channels;
using CheckinBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Org;

/// <summary>
/// Point lookups, in the background, of people the cached org chart does not know yet. Concurrent misses for one person
/// share one lookup; lookups across people go to the source <see cref="BatchSize"/> at a time (a Graph <c>$batch</c>)
/// with at most <see cref="BatchesInFlight"/> batches in flight; an id the source does not know is not asked again for
/// <see cref="MissRememberedFor"/>, so a stranger cannot make every read a Graph call; a failed lookup is retried here,
/// after 30 s, 1, 2 and 4 minutes, never by the next read. While the source is failing, or a batch in flight has taken
/// longer than the turn bound, there is nothing worth waiting for: reads go on at once. Failures are counted, and
/// logged when the state changes (failing, recovered), not once per lookup.
/// </summary>
public sealed partial class BackgroundOrgLookups(
    OrgPointLookup lookup, IOptions<TurnLookupOptions> options, TimeProvider timeProvider, ILogger<BackgroundOrgLookups> logger) : IAsyncDisposable
{
    public const int BatchSize = 20;
    public const int BatchesInFlight = 2;
    public const int MaxAttempts = 5;
    public static readonly TimeSpan MissRememberedFor = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan FirstRetryAfter = TimeSpan.FromSeconds(30);
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots = new(BatchesInFlight);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _starting = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> _batchesStartedAt = new();
    private Task? _loop;
    private long _batches;
    private int _failing;

    /// <summary>
    /// Starts a lookup of <paramref name="personId"/>, or joins the one under way, and returns what completes when it has
    /// an outcome (the cache then holds the person if the source knew them) and when it began. Null when there is
    /// nothing to wait for: the source did not know them a moment ago, their lookup failed and waits for its retry, or
    /// the source is failing or slower than the turn bound right now (the lookup still goes ahead).
    /// </summary>
    public PendingLookup? LookUp(string personId)
    {
        var now = timeProvider.GetUtcNow();
        var pending = StartOrJoin(personId, now);
        return pending is not null && !SourceFailingOrSlow(now) ? pending : null;
    }

    private bool SourceFailingOrSlow(DateTimeOffset now) =>
        Volatile.Read(ref _failing) == 1 || _batchesStartedAt.Values.Any(startedAt => now - startedAt >= options.Value.TurnLookupTimeout);

    private PendingLookup? StartOrJoin(string personId, DateTimeOffset now)
    {
        while (true)
        {
            if (_entries.TryGetValue(personId, out var entry))
            {
                if (entry.MissedAt is not { } missedAt)
                    return entry.Failures == 0 ? new PendingLookup(entry.Done.Task, entry.StartedAt) : null;
                if (now - missedAt < MissRememberedFor)
                    return null;
                var again = new Entry(now);
                if (_entries.TryUpdate(personId, again, entry))
                    return Enqueue(personId, again);
                continue;
            }
            if (_entries.Count >= MaxRemembered)
                ForgetMisses(now);
            var first = new Entry(now);
            if (_entries.TryAdd(personId, first))
                return Enqueue(personId, first);
        }
    }

    private PendingLookup Enqueue(string personId, Entry entry)
    {
        _queue.Writer.TryWrite(personId);
        if (_loop is null)
        {
            lock (_starting)
                _loop ??= Task.Run(() => RunAsync(_stopping.Token));
        }
        return new PendingLookup(entry.Done.Task, entry.StartedAt);
    }

    /// <summary>A batch goes out when a slot is free, with whatever queued meanwhile: the busier, the fuller the batches.</summary>
    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping))
            {
                await _slots.WaitAsync(stopping);
                var batch = new List<string>(BatchSize);
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var id))
                {
                    if (!batch.Contains(id, StringComparer.OrdinalIgnoreCase))
                        batch.Add(id);
                }
                _ = LookUpBatchAsync(batch, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task LookUpBatchAsync(List<string> ids, CancellationToken stopping)
    {
        var batch = Interlocked.Increment(ref _batches);
        _batchesStartedAt[batch] = timeProvider.GetUtcNow();
        try
        {
            var found = await lookup.RefreshAsync(ids, stopping);
            var now = timeProvider.GetUtcNow();
            foreach (var id in ids)
                Settle(id, found.Contains(id) ? null : new Entry(now, MissedAt: now));
            CheckinTelemetry.OrgLookups("found", found.Count);
            CheckinTelemetry.OrgLookups("unknown", ids.Count - found.Count);
            if (Interlocked.Exchange(ref _failing, 0) == 1)
                LogRecovered(logger);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Failed(ids, ex);
        }
        finally
        {
            _batchesStartedAt.TryRemove(batch, out _);
            _slots.Release();
        }
    }

    /// <param name="next">What stays remembered; null = nothing (the cache has the person now).</param>
    private void Settle(string id, Entry? next)
    {
        if (!_entries.TryGetValue(id, out var current))
            return;
        if (next is null)
            _entries.TryRemove(new KeyValuePair<string, Entry>(id, current));
        else
            _entries.TryUpdate(id, next, current);
        current.Done.TrySetResult();
    }

    private void Failed(List<string> ids, Exception error)
    {
        CheckinTelemetry.OrgLookups("failed", ids.Count);
        if (Interlocked.Exchange(ref _failing, 1) == 0)
            LogFailing(logger, error.GetType().Name, error.Message);
        var now = timeProvider.GetUtcNow();
        var next = new List<(string Id, Entry Entry)>();
        var retries = new Dictionary<int, List<string>>();
        foreach (var id in ids)
        {
            var failures = (_entries.TryGetValue(id, out var current) ? current.Failures : 0) + 1;
            // After the last attempt the person counts as unknown for a while; a read after that starts afresh.
            next.Add((id, failures >= MaxAttempts ? new Entry(now, MissedAt: now) : new Entry(now, failures)));
            if (failures < MaxAttempts)
                (retries.TryGetValue(failures, out var group) ? group : retries[failures] = []).Add(id);
        }
        // The retries' timers first, so whoever the settled lookups release finds them set.
        foreach (var (failures, group) in retries)
            _ = RetryAsync(group, FirstRetryAfter * Math.Pow(2, failures - 1));
        foreach (var (id, entry) in next)
            Settle(id, entry);
    }

    private async Task RetryAsync(List<string> ids, TimeSpan after)
    {
        try
        {
            await Task.Delay(after, timeProvider, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        foreach (var id in ids)
            _queue.Writer.TryWrite(id);
    }

    private void ForgetMisses(DateTimeOffset now)
    {
        foreach (var (id, entry) in _entries)
        {
            if (entry.MissedAt is { } missedAt && (now - missedAt >= MissRememberedFor || _entries.Count >= MaxRemembered))
                _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        if (_loop is not null)
            await _loop;
        for (var slot = 0; slot < BatchesInFlight; slot++)
            await _slots.WaitAsync(CancellationToken.None); // the batches in flight have ended
        _slots.Dispose();
        _stopping.Dispose();
    }

    /// <param name="Failures">Failed attempts so far; a read does not wait for a lookup that already failed.</param>
    /// <param name="MissedAt">When the source answered that it does not know the person (or the last attempt failed).</param>
    private sealed class Entry(DateTimeOffset StartedAt, int Failures = 0, DateTimeOffset? MissedAt = null)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public DateTimeOffset StartedAt { get; } = StartedAt;
        public int Failures { get; } = Failures;
        public DateTimeOffset? MissedAt { get; } = MissedAt;
    }

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Org lookups are failing ({Error}: {Reason}); people the cache does not know are answered without them and retried in the background")]
    private static partial void LogFailing(ILogger logger, string error, string reason);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information, Message = "Org lookups work again")]
    private static partial void LogRecovered(ILogger logger);
}
