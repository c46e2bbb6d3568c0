using CheckinBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Feedback;

/// <summary>
/// Delivers feedback requests and notes from the outbox, exactly like manager summaries (<see cref="OutboxSteps{T}"/>):
/// claim, send, and write the outcome (sent, unconfirmed, or not sent and when to try again) before anything else.
/// </summary>
public sealed partial class FeedbackDeliveryService(
    IFeedbackStore store,
    IFeedbackDeliveryStore deliveries,
    IDeliveryOutbox outbox,
    IPersonMessenger messenger,
    PassingFaults faults,
    TimeProvider timeProvider,
    ILogger<FeedbackDeliveryService> logger)
{
    private readonly OutboxSteps<FeedbackDelivery> _steps = new(outbox, faults, timeProvider,
        (entry, ct) => deliveries.FindDeliveryAsync(entry.OwnerId, entry.ItemId, ct), deliveries.TrySaveDeliveryAsync);

    public Task<int> DeliverPendingAsync(CancellationToken cancellationToken) => _steps.SweepAsync(OutboxKind.Feedback, SendAsync, cancellationToken);

    private async Task<bool> SendAsync(OutboxEntry entry, FeedbackDelivery claimed, CancellationToken cancellationToken)
    {
        if (await BuildAsync(claimed, cancellationToken) is not { } message)
        {
            await outbox.ForgetAsync(entry, cancellationToken); // the item went with its owner's data
            return false;
        }
        // From here on nothing is cancelled: once the message may have gone out, its outcome is written first.
        var result = await messenger.SendAsync(claimed.RecipientId, message, cancellationToken);
        LogDelivered(logger, claimed.Item, claimed.ItemId, claimed.RecipientId, result.Outcome, result.Reason);
        return await _steps.RecordAsync(entry, claimed, result, (d, at) => d with
        {
            Status = result.IsSent ? DeliveryStatus.Sent : DeliveryStatus.Unconfirmed, SentAt = at, MessageId = result.MessageId,
            ClaimedUntil = null, LastError = result.IsSent ? null : result.Reason,
        });
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

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Feedback {Item} {ItemId} to {RecipientId}: {Outcome} ({Reason})")]
    private static partial void LogDelivered(ILogger logger, FeedbackItem item, string itemId, string recipientId, DeliveryOutcome outcome, string? reason);
}
