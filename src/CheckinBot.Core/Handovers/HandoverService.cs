using System.Globalization;
using CheckinBot.Core.Goals;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Handovers;

/// <summary>
/// When a person's manager changes: the person is asked (one card) whether the new manager may see their shared
/// check-ins and active goals of the last <see cref="HistoryMonths"/> months; on yes the new manager gets that history's
/// summary, on no or no answer nothing moves. The former manager is told the person moved on. Each message is an
/// outbox step (<see cref="ManagerHandover.NextStep"/>), sent and recorded like a summary.
/// </summary>
public sealed partial class HandoverService(
    IHandoverStore store,
    IDeliveryOutbox outbox,
    OutboxSignal signal,
    IOrgDirectory directory,
    ICheckinStore checkins,
    IGoalStore goals,
    IPersonMessenger messenger,
    PassingFaults faults,
    TimeProvider timeProvider,
    ILogger<HandoverService> logger)
{
    public const int HistoryMonths = 6;

    /// <summary>A yes after this long hands nothing over: the question is stale, and so may be the people in it.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromDays(14);

    private readonly OutboxSteps<ManagerHandover> _steps = new(outbox, faults, timeProvider,
        (entry, ct) => store.FindAsync(entry.UserId, entry.ItemId, ct), store.TrySaveAsync);

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

    public Task<int> DeliverPendingAsync(CancellationToken cancellationToken) => _steps.SweepAsync(OutboxKind.Handover, SendAsync, cancellationToken);

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

    private async Task<bool> SendAsync(OutboxEntry entry, ManagerHandover claimed, CancellationToken cancellationToken)
    {
        var step = claimed.NextStep!.Value;
        // Nothing to send for this step (the former manager left, the manager changed again): it is passed over.
        if (await BuildAsync(claimed, step, cancellationToken) is { } send)
        {
            var result = await messenger.SendAsync(send.To, send.Message, cancellationToken);
            LogSent(logger, claimed.PersonId, claimed.Id, step, result.Outcome);
            if (!result.MayHaveArrived)
                return await _steps.RecordAsync(entry, claimed, result, (h, _) => h);
        }
        await _steps.WriteAsync(entry, claimed, h => h.Sent(step, timeProvider.GetUtcNow()));
        // The next step (if any) goes in the next sweep; the entry is read again so a yes that came meanwhile is not lost.
        if (await store.FindAsync(claimed.PersonId, claimed.Id, CancellationToken.None) is { IsPending: true })
        {
            await outbox.PostponeAsync(entry, timeProvider.GetUtcNow(), CancellationToken.None);
            signal.Notify();
        }
        else
            await outbox.ForgetAsync(entry, CancellationToken.None);
        return true;
    }

    private async Task<(string To, OutboundMessage Message)?> BuildAsync(ManagerHandover handover, HandoverStep step, CancellationToken cancellationToken)
    {
        var person = await directory.FindAsync(handover.PersonId, cancellationToken);
        var newManager = await directory.FindAsync(handover.NewManagerId, cancellationToken);
        if (person is not { Enabled: true } || newManager is null)
            return null;
        var since = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime).AddMonths(-HistoryMonths);
        switch (step)
        {
            case HandoverStep.AskPerson:
                var (shared, active) = await HistoryAsync(handover.PersonId, since, cancellationToken);
                return (handover.PersonId, new HandoverConsentMessage(handover, newManager.Name, shared.Count, active.Count));
            case HandoverStep.TellFormerManager:
                return await directory.FindAsync(handover.FormerManagerId!, cancellationToken) is { Enabled: true }
                    ? (handover.FormerManagerId!, new ReportMovedOnMessage(person.Name, newManager.Name))
                    : null;
            default:
                if (!string.Equals(person.ManagerId, handover.NewManagerId, StringComparison.OrdinalIgnoreCase))
                    return null;
                var (checkinsShared, goalsActive) = await HistoryAsync(handover.PersonId, since, cancellationToken);
                return (handover.NewManagerId, new HandoverMessage(person.Name, since, checkinsShared, goalsActive));
        }
    }

    /// <summary>Only what the person shared with a manager, since the cut-off, and the goals they are working on.</summary>
    private async Task<(List<CheckinRecord> Shared, List<LearningGoal> Active)> HistoryAsync(string personId, DateOnly since, CancellationToken cancellationToken)
    {
        var cutoff = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var shared = (await checkins.ListCheckinsAsync(personId, cancellationToken)).Where(r => r.SharedWithManager && r.CompletedAt >= cutoff).OrderByDescending(r => r.CompletedAt).ToList();
        var active = (await goals.ListGoalsAsync(personId, cancellationToken)).Where(g => g.Status == GoalStatus.Active).ToList();
        return (shared, active);
    }

    [LoggerMessage(EventId = 9701, Level = LogLevel.Information, Message = "Handover {HandoverId} started for {PersonId}")]
    private static partial void LogStarted(ILogger logger, string personId, string handoverId);

    [LoggerMessage(EventId = 9702, Level = LogLevel.Information, Message = "Handover {HandoverId} of {PersonId}: {Step} {Outcome}")]
    private static partial void LogSent(ILogger logger, string personId, string handoverId, HandoverStep step, DeliveryOutcome outcome);

    [LoggerMessage(EventId = 9703, Level = LogLevel.Information, Message = "Handover {HandoverId} of {PersonId} answered (consent: {Consent})")]
    private static partial void LogAnswered(ILogger logger, string personId, string handoverId, bool consent);
}
