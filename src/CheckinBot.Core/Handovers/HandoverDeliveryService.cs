using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Handovers;

/// <summary>
/// Sends each handover step from the outbox (<see cref="ManagerHandover.NextStep"/>) exactly like summaries
/// (<see cref="OutboxSteps{T}"/>): claim, send, record the step before anything else; the next step goes in the next
/// sweep, which the signal starts at once.
/// </summary>
public sealed partial class HandoverDeliveryService(
    IHandoverStore store,
    IDeliveryOutbox outbox,
    OutboxSignal signal,
    IOrgDirectory directory,
    ICheckinStore checkins,
    IGoalStore goals,
    IPersonMessenger messenger,
    PassingFaults faults,
    TimeProvider timeProvider,
    ILogger<HandoverDeliveryService> logger)
{
    private readonly OutboxSteps<ManagerHandover> _steps = new(outbox, faults, timeProvider,
        (entry, ct) => store.FindAsync(entry.OwnerId, entry.ItemId, ct), store.TrySaveAsync);

    public Task<int> DeliverPendingAsync(CancellationToken cancellationToken) => _steps.SweepAsync(OutboxKind.Handover, SendAsync, cancellationToken);

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
        var since = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime).AddMonths(-HandoverService.HistoryMonths);
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

    [LoggerMessage(EventId = 9702, Level = LogLevel.Information, Message = "Handover {HandoverId} of {PersonId}: {Step} {Outcome}")]
    private static partial void LogSent(ILogger logger, string personId, string handoverId, HandoverStep step, DeliveryOutcome outcome);
}
