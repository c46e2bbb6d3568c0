namespace CheckinBot.Core.Messaging;

/// <summary>
/// Work still to do outside a turn (summaries and feedback to deliver, check-ins to count), so any instance finds what a crash, a throttle or an
/// unreachable recipient left behind without scanning everyone's log. An entry is a hint: its sender always checks the
/// item itself.
/// </summary>
public interface IDeliveryOutbox
{
    /// <summary>Notes an item as due now (before the item is written: see <see cref="OutboxEntry.NotedAt"/>).</summary>
    Task NoteAsync(OutboxKind kind, string ownerId, string itemId, CancellationToken cancellationToken);

    /// <summary>Entries of <paramref name="kind"/> due by now, oldest first; entries put off to later are not read.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListDueAsync(OutboxKind kind, int max, CancellationToken cancellationToken);

    /// <summary>Puts an entry off until <paramref name="dueAt"/> (a throttle, a recipient not reachable yet).</summary>
    Task PostponeAsync(OutboxEntry entry, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Takes the entry off the outbox: its item is delivered, or gone.</summary>
    Task ForgetAsync(OutboxEntry entry, CancellationToken cancellationToken);
}
