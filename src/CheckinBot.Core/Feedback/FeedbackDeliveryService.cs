using CheckinBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Feedback;

/// <summary>
/// Delivers feedback requests and notes from the outbox, exactly like manager summaries: claim the delivery with a
/// conditional write, send, and write the outcome (sent, unconfirmed, or not sent and when to try again) first, at the
/// claimed version, never cancelled. Only a crash between send and record can lead to a second message
/// (docs/architecture.md).
/// </summary>
public sealed partial class FeedbackDeliveryService(
    IFeedbackStore store,
    IDeliveryOutbox outbox,
    IPersonMessenger messenger,
    PassingFaults faults,
    TimeProvider timeProvider,
    ILogger<FeedbackDeliveryService> logger)
{
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var entry in await outbox.ListDueAsync(OutboxKind.Feedback, OutboxEntry.SweepSize, cancellationToken))
            sent += await DeliverAsync(entry, cancellationToken) ? 1 : 0;
        return sent;
    }

    private async Task<bool> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var delivery = await store.FindDeliveryAsync(entry.UserId, entry.ItemId, cancellationToken);
        if (delivery is null || delivery.Status != DeliveryStatus.Pending)
        {
            if (delivery is not null || now - entry.NotedAt > OutboxEntry.AbandonedAfter)
                await outbox.ForgetAsync(entry, cancellationToken);
            return false;
        }
        if (delivery.ClaimedUntil > now)
            return false;
        if (!await store.TrySaveDeliveryAsync(delivery with { ClaimedUntil = now + OutboxEntry.ClaimFor, Attempts = delivery.Attempts + 1 }, cancellationToken))
            return false; // another instance claimed it
        if (await store.FindDeliveryAsync(entry.UserId, entry.ItemId, cancellationToken) is not { } claimed
            || await BuildAsync(claimed, cancellationToken) is not { } message)
        {
            await outbox.ForgetAsync(entry, cancellationToken); // erased with its owner's data a moment ago
            return false;
        }

        // From here on nothing is cancelled: once the message may have gone out, its outcome is written first.
        var result = await messenger.SendAsync(claimed.RecipientId, message, cancellationToken);
        LogDelivered(logger, claimed.Item, claimed.ItemId, claimed.RecipientId, result.Outcome, result.Reason);
        var recordedAt = timeProvider.GetUtcNow();
        if (result.MayHaveArrived)
        {
            await RecordAsync(claimed, d => d with
            {
                Status = result.IsSent ? DeliveryStatus.Sent : DeliveryStatus.Unconfirmed, SentAt = recordedAt, MessageId = result.MessageId,
                ClaimedUntil = null, LastError = result.IsSent ? null : result.Reason,
            });
            await outbox.ForgetAsync(entry, CancellationToken.None);
            return true;
        }
        // Not sent: the item is in the log either way (the recipient's `feedback` lists it); retry after a pause.
        var dueAt = recordedAt + result.RetryPause(claimed.Attempts);
        await RecordAsync(claimed, d => d with { ClaimedUntil = dueAt, LastError = result.Reason ?? result.Outcome.ToString() });
        await outbox.PostponeAsync(entry, dueAt, CancellationToken.None);
        return false;
    }

    private async Task<OutboundMessage?> BuildAsync(FeedbackDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Item == FeedbackItem.Request)
            return await store.FindAskAsync(delivery.OwnerId, delivery.ItemId, cancellationToken) is { } ask ? new FeedbackAskedMessage(ask) : null;
        if (await store.FindNoteAsync(delivery.OwnerId, delivery.ItemId, cancellationToken) is not { } note)
            return null;
        var answered = note.AskId is null ? null : await store.FindAskAsync(note.ToUserId, note.AskId, cancellationToken);
        return new FeedbackReceivedMessage(note, answered?.Topic);
    }

    /// <summary>Writes the outcome at the claimed version (re-reading only if the write lost a race), through passing faults.</summary>
    private Task RecordAsync(FeedbackDelivery claimed, Func<FeedbackDelivery, FeedbackDelivery> change) =>
        faults.RetryAsync(() => OptimisticUpdate.RunFromAsync(
            claimed,
            () => store.FindDeliveryAsync(claimed.OwnerId, claimed.ItemId, CancellationToken.None),
            d => d is null || d.Status != DeliveryStatus.Pending ? null : change(d),
            next => store.TrySaveDeliveryAsync(next, CancellationToken.None),
            $"Feedback delivery {claimed.ItemId}"));

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Feedback {Item} {ItemId} to {RecipientId}: {Outcome} ({Reason})")]
    private static partial void LogDelivered(ILogger logger, FeedbackItem item, string itemId, string recipientId, DeliveryOutcome outcome, string? reason);
}
