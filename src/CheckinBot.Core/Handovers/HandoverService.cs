using System.Globalization;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Handovers;

/// <summary>
/// When a person's manager changes: the person is asked (one card) whether the new manager may see their shared
/// check-ins and active goals of the last <see cref="HistoryMonths"/> months; on yes the new manager gets that history's
/// summary, on no or no answer nothing moves. The former manager is told the person moved on. This service starts
/// handovers and takes the answer; <see cref="HandoverDeliveryService"/> sends each step from the outbox.
/// </summary>
public sealed partial class HandoverService(
    IHandoverStore store,
    IDeliveryOutbox outbox,
    OutboxSignal signal,
    IOrgDirectory directory,
    TimeProvider timeProvider,
    ILogger<HandoverService> logger)
{
    public const int HistoryMonths = 6;

    /// <summary>A yes after this long hands nothing over: the question is stale, and so may be the people in it.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromDays(14);

    /// <summary>
    /// Starts a handover per change (noted in the outbox before it is written). Its id is the day and the new manager, so
    /// a sync round repeated after a crash starts nothing twice.
    /// </summary>
    public async Task StartAsync(IReadOnlyList<ManagerChange> changes, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var change in changes)
        {
            var id = $"{now.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{change.NewManagerId.ToLowerInvariant()}";
            await outbox.NoteAsync(OutboxKind.Handover, change.PersonId, id, cancellationToken);
            await store.TrySaveAsync(new ManagerHandover
            {
                Id = id, PersonId = change.PersonId, FormerManagerId = change.FormerManagerId, NewManagerId = change.NewManagerId, DetectedAt = now,
            }, cancellationToken);
            LogStarted(logger, change.PersonId, id);
        }
        if (changes.Count > 0)
            signal.Notify();
    }

    /// <summary>The person's answer to the consent card.</summary>
    public async Task<(HandoverAnswer Answer, string? NewManagerName)> AnswerAsync(string personId, string handoverId, bool consent, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(personId, handoverId, cancellationToken) is not { } handover)
            return (HandoverAnswer.Gone, null);
        var newManager = (await directory.FindAsync(handover.NewManagerId, cancellationToken))?.Name;
        var now = timeProvider.GetUtcNow();
        if (handover.Consented is not null)
            return (HandoverAnswer.AlreadyAnswered, newManager);
        if (now - (handover.AskedAt ?? handover.DetectedAt) > AnswerWithin)
            return (HandoverAnswer.Expired, newManager);
        if (consent && !string.Equals((await directory.FindAsync(personId, cancellationToken))?.ManagerId, handover.NewManagerId, StringComparison.OrdinalIgnoreCase))
            return (HandoverAnswer.ManagerChangedAgain, newManager);

        // A yes is noted before and after it is written: a sweep that read the handover just before the yes may drop
        // the first note, never the second.
        if (consent)
            await outbox.NoteAsync(OutboxKind.Handover, personId, handoverId, cancellationToken);
        var answered = false;
        await OptimisticUpdate.RunAsync(() => store.FindAsync(personId, handoverId, cancellationToken),
            h =>
            {
                answered = h is { Consented: null };
                return answered ? h! with { Consented = consent, AnsweredAt = now } : null;
            },
            next => store.TrySaveAsync(next, cancellationToken), $"Handover {handoverId}");
        if (!answered)
            return (HandoverAnswer.AlreadyAnswered, newManager);
        if (consent)
        {
            await outbox.NoteAsync(OutboxKind.Handover, personId, handoverId, cancellationToken);
            signal.Notify();
        }
        LogAnswered(logger, personId, handoverId, consent);
        return (consent ? HandoverAnswer.Shared : HandoverAnswer.Kept, newManager);
    }

    [LoggerMessage(EventId = 9701, Level = LogLevel.Information, Message = "Handover {HandoverId} started for {PersonId}")]
    private static partial void LogStarted(ILogger logger, string personId, string handoverId);

    [LoggerMessage(EventId = 9703, Level = LogLevel.Information, Message = "Handover {HandoverId} of {PersonId} answered (consent: {Consent})")]
    private static partial void LogAnswered(ILogger logger, string personId, string handoverId, bool consent);
}
