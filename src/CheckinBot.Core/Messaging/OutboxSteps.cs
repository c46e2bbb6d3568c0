namespace CheckinBot.Core.Messaging;

/// <summary>
/// The steps every outbox sender takes, in one place: claim the item an entry points to with a conditional write
/// (dropping entries whose item is done or never committed), and after the send write the outcome first, at the claimed
/// version, never cancelled, retried through passing faults; then drop the entry, or put it off until the item is due
/// again. Only a crash between the send and that write can lead to a second message (docs/architecture.md).
/// </summary>
/// <param name="find">Reads the item an entry points to (null: gone, or not committed yet).</param>
/// <param name="trySave">Writes the item at its version; false when someone else wrote first.</param>
public sealed class OutboxSteps<T>(
    IDeliveryOutbox outbox,
    PassingFaults faults,
    TimeProvider timeProvider,
    Func<OutboxEntry, CancellationToken, Task<T?>> find,
    Func<T, CancellationToken, Task<bool>> trySave)
    where T : class, IOutboxItem<T>
{
    /// <summary>Claims the item of each due entry of <paramref name="kind"/> and hands it to <paramref name="send"/>; returns how many went.</summary>
    public async Task<int> SweepAsync(OutboxKind kind, Func<OutboxEntry, T, CancellationToken, Task<bool>> send, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var entry in await outbox.ListDueAsync(kind, OutboxEntry.SweepSize, cancellationToken))
        {
            if (await ClaimAsync(entry, cancellationToken) is { } claimed && await send(entry, claimed, cancellationToken))
                sent++;
        }
        return sent;
    }

    /// <summary>The item, claimed by this sender at its new version; null when there is nothing for this sender to send.</summary>
    private async Task<T?> ClaimAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var item = await find(entry, cancellationToken);
        if (item is null || !item.IsPending)
        {
            if (item is not null || now - entry.NotedAt > OutboxEntry.AbandonedAfter)
                await outbox.ForgetAsync(entry, cancellationToken);
            return null;
        }
        if (item.ClaimedUntil > now || !await trySave(item.ClaimedTill(now + OutboxEntry.ClaimFor), cancellationToken))
            return null; // another sender has it
        if (await find(entry, cancellationToken) is { } claimed)
            return claimed;
        await outbox.ForgetAsync(entry, cancellationToken); // erased with its owner's data a moment ago
        return null;
    }

    /// <summary>
    /// Records how the send of <paramref name="claimed"/> ended: <paramref name="sent"/> when it may have arrived (the
    /// entry is then dropped), else put off by <see cref="DeliveryResult.RetryPause"/>. True when it may have arrived.
    /// </summary>
    public async Task<bool> RecordAsync(OutboxEntry entry, T claimed, DeliveryResult result, Func<T, DateTimeOffset, T> sent)
    {
        var now = timeProvider.GetUtcNow();
        if (result.MayHaveArrived)
        {
            await WriteAsync(entry, claimed, item => sent(item, now));
            await outbox.ForgetAsync(entry, CancellationToken.None);
            return true;
        }
        var dueAt = now + result.RetryPause(claimed.Attempts);
        await WriteAsync(entry, claimed, item => item.PutOff(dueAt, result.Reason ?? result.Outcome.ToString()));
        await outbox.PostponeAsync(entry, dueAt, CancellationToken.None);
        return false;
    }

    /// <summary>Writes a change of a claimed, still pending item: at the claimed version, re-reading only after a lost race.</summary>
    public Task WriteAsync(OutboxEntry entry, T claimed, Func<T, T> change) =>
        faults.RetryAsync(() => OptimisticUpdate.RunFromAsync(
            claimed,
            () => find(entry, CancellationToken.None),
            item => item is null || !item.IsPending ? null : change(item),
            next => trySave(next, CancellationToken.None),
            $"{typeof(T).Name} {entry.ItemId}"));
}
