using CheckinBot.Core.Insights.Events;
using CheckinBot.Core.Insights.Events.FeedbackAnswered;
using CheckinBot.Core.Insights.Events.FeedbackAsked;
using CheckinBot.Core.Insights.Events.ManagerReplied;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Feedback;

/// <summary>
/// Feedback both ways: people ask their manager or any colleague; managers answer shared check-ins. A note is stored
/// in the recipient's log (a request in the requester's) together with its delivery, which the outbox worker sends
/// (<see cref="FeedbackDeliveryService"/>): no text is lost when delivery fails, and a retry never sends it twice. Only
/// the two people involved ever see a request or its answer.
/// </summary>
public sealed partial class FeedbackService(
    IFeedbackStore store,
    IOrgDirectory directory,
    IDeliveryOutbox outbox,
    IMetricsOutbox metricsOutbox,
    OutboxSignal outboxSignal,
    TimeProvider timeProvider,
    ILogger<FeedbackService> logger)
{
    public async Task<FeedbackOverview> OverviewAsync(string userId, CancellationToken cancellationToken) => new(
        [.. (await store.ListNotesAsync(userId, cancellationToken)).OrderByDescending(n => n.CreatedAt)],
        [.. (await store.ListAsksByAsync(userId, cancellationToken)).OrderByDescending(a => a.CreatedAt)],
        [.. (await store.ListOpenAsksForAsync(userId, cancellationToken)).OrderBy(a => a.CreatedAt)]);

    /// <summary>Asks <paramref name="askedUserId"/> for feedback on <paramref name="topic"/>. Returns the request or what is wrong.</summary>
    public async Task<(FeedbackAsk? Ask, string? Error)> AskAsync(
        string requesterId, string askedUserId, string? topic, string? checkinId, CancellationToken cancellationToken)
    {
        topic = topic?.Trim();
        if (string.IsNullOrEmpty(topic))
            return (null, "Say what you would like feedback on, e.g. \"my demo on Friday\".");
        if (topic.Length > FeedbackAsk.MaxTopicLength)
            return (null, $"Keep the topic under {FeedbackAsk.MaxTopicLength} characters.");
        if (string.Equals(requesterId, askedUserId, StringComparison.OrdinalIgnoreCase))
            return (null, "You can't ask yourself; pick a colleague.");
        var asked = await directory.FindAsync(askedUserId, cancellationToken);
        if (asked is not { Enabled: true })
            return (null, "I can't find that colleague in the directory (they may have left). Pick someone else.");

        var now = timeProvider.GetUtcNow();
        var requester = await directory.FindAsync(requesterId, cancellationToken);
        var ask = new FeedbackAsk
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            RequesterId = requesterId,
            RequesterName = requester?.Name,
            AskedUserId = asked.Id,
            AskedName = asked.Name,
            Topic = topic,
            CreatedAt = now,
            CheckinId = checkinId,
        };
        await outbox.NoteAsync(OutboxKind.Feedback, requesterId, ask.Id, cancellationToken);
        await metricsOutbox.NoteAsync(new FeedbackAsked(requesterId, ask.Id), cancellationToken);
        if (!await store.TryAddAskAsync(ask, FeedbackDelivery.Of(ask), cancellationToken))
            throw new ConcurrencyConflictException($"Feedback request {ask.Id} already exists.");
        outboxSignal.Notify();
        LogAsked(logger, ask.Id, requesterId, asked.Id);
        return (ask, null);
    }

    /// <summary>
    /// Gives feedback to <paramref name="toUserId"/>: as the answer to their request (<paramref name="askId"/>; only the
    /// person asked may answer), or on a shared check-in (only their current manager may). Stored first, then sent.
    /// </summary>
    public async Task<(FeedbackNote? Note, string? Error)> GiveAsync(
        string fromUserId, string toUserId, string? text, bool isPraise, string? regardingCheckinId, string? askId, CancellationToken cancellationToken)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
            return (null, "Write your feedback in the box first.");
        if (text.Length > FeedbackNote.MaxLength)
            return (null, $"That's {text.Length} characters; please keep it under {FeedbackNote.MaxLength}. Your text is still in the box.");

        FeedbackAsk? ask = null;
        if (askId is not null)
        {
            ask = await store.FindAskAsync(toUserId, askId, cancellationToken);
            if (ask is null || !string.Equals(ask.AskedUserId, fromUserId, StringComparison.OrdinalIgnoreCase))
                return (null, "That request isn't addressed to you, so I can't record an answer from you.");
            if (!ask.IsOpen)
                return (null, "You already answered this request. Thank you!");
        }
        else if (!await directory.IsCurrentManagerAsync(fromUserId, toUserId, cancellationToken))
        {
            return (null, "You are not this person's manager (any more), so I can't pass feedback on from this card.");
        }
        else if (regardingCheckinId is not null
            && await store.FindAskAsync(toUserId, FeedbackAsk.ForCheckin(regardingCheckinId), cancellationToken) is { IsOpen: true } checkinAsk
            && string.Equals(checkinAsk.AskedUserId, fromUserId, StringComparison.OrdinalIgnoreCase))
        {
            ask = checkinAsk; // the check-in asked this manager for feedback: this reply answers it
        }

        var now = timeProvider.GetUtcNow();
        var from = await directory.FindAsync(fromUserId, cancellationToken);
        var note = new FeedbackNote
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            ToUserId = toUserId,
            FromUserId = fromUserId,
            FromName = from?.Name,
            Text = text,
            IsPraise = isPraise,
            CreatedAt = now,
            RegardingCheckinId = regardingCheckinId ?? ask?.CheckinId,
            AskId = ask?.Id,
        };
        await outbox.NoteAsync(OutboxKind.Feedback, toUserId, note.Id, cancellationToken);
        if (ask is not null)
            await metricsOutbox.NoteAsync(new FeedbackAnswered(toUserId, ask.Id), cancellationToken);
        if (note.RegardingCheckinId is { } regarding)
            await metricsOutbox.NoteAsync(new ManagerReplied(toUserId, regarding), cancellationToken);
        if (!await store.TryAddNoteAsync(note, ask is null ? null : ask with { AnsweredAt = now }, FeedbackDelivery.Of(note), cancellationToken))
            return (null, "This request was answered a moment ago, so I kept that answer.");
        outboxSignal.Notify();
        LogGiven(logger, note.Id, fromUserId, toUserId);
        return (note, null);
    }

    /// <summary>A request addressed to <paramref name="userId"/>; null when it is someone else's or gone.</summary>
    public async Task<FeedbackAsk?> FindAskedOfAsync(string userId, string requesterId, string askId, CancellationToken cancellationToken) =>
        await store.FindAskAsync(requesterId, askId, cancellationToken) is { } ask && string.Equals(ask.AskedUserId, userId, StringComparison.OrdinalIgnoreCase)
            ? ask
            : null;

    /// <summary>The recipient says thanks (once: a second click returns the note as it is); null when the note is not theirs or is gone.</summary>
    public Task<FeedbackNote?> AcknowledgeAsync(string userId, string noteId, CancellationToken cancellationToken) =>
        OptimisticUpdate.RunAsync(
            async () => (await store.ListNotesAsync(userId, cancellationToken)).FirstOrDefault(n => n.Id == noteId),
            note => note is null || note.AcknowledgedAt is not null ? null : note with { AcknowledgedAt = timeProvider.GetUtcNow() },
            next => store.TrySaveNoteAsync(next, cancellationToken),
            $"Feedback {noteId}");

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Feedback request {AskId} from {RequesterId} to {AskedId} stored for delivery")]
    private static partial void LogAsked(ILogger logger, string askId, string requesterId, string askedId);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Feedback {NoteId} from {FromId} to {ToId} stored for delivery")]
    private static partial void LogGiven(ILogger logger, string noteId, string fromId, string toId);
}
