using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Managers;

/// <summary>
/// Delivers shared check-ins to the person's manager as found in the directory at sending time, like a run's sends: a
/// hand-off is claimed with a conditional write, sent, and its outcome (sent, unconfirmed, or not sent and when to try
/// again) recorded before anything else; the outbox points any instance to what is still due. A crash between send
/// and record is the only window in which a summary could go twice (docs/architecture.md).
/// </summary>
public sealed partial class ManagerSummaryDeliveryService(
    IShareHandoffStore handoffs,
    IDeliveryOutbox outbox,
    Insights.Events.IMetricsOutbox metricsOutbox,
    ICheckinStore checkins,
    ManagerSummaryBuilder builder,
    IOrgDirectory directory,
    IPersonMessenger messenger,
    IFeedbackStore feedback,
    PassingFaults faults,
    TimeProvider timeProvider,
    ILogger<ManagerSummaryDeliveryService> logger)
{
    /// <summary>How long a shared check-in waits for its author to appear in the org directory before it counts as having no manager.</summary>
    public static readonly TimeSpan WaitForDirectory = TimeSpan.FromDays(1);

    private readonly OutboxSteps<ShareHandoff> _steps = new(outbox, faults, timeProvider, (entry, ct) => handoffs.FindAsync(entry.OwnerId, entry.ItemId, ct), handoffs.TrySaveAsync);

    public Task<int> DeliverPendingAsync(CancellationToken cancellationToken) => _steps.SweepAsync(OutboxKind.Summary, SendAsync, cancellationToken);

    private async Task<bool> SendAsync(OutboxEntry entry, ShareHandoff claimed, CancellationToken cancellationToken)
    {
        var employee = await directory.FindAsync(entry.OwnerId, cancellationToken);
        var history = await checkins.ListCheckinsAsync(entry.OwnerId, cancellationToken);
        var record = history.FirstOrDefault(r => r.CheckinId == entry.ItemId);
        if (employee is null && record is not null && timeProvider.GetUtcNow() - record.CompletedAt < WaitForDirectory)
        {
            // Not in the org directory yet (someone the sync has not reached while Graph is slow or down): wait for it,
            // put off like a failed send, rather than decide there is no manager.
            await _steps.RecordAsync(entry, claimed, new DeliveryResult(DeliveryOutcome.Failed, Reason: "NotInDirectoryYet"), (h, _) => h);
            return false;
        }
        if (employee?.ManagerId is not { } managerId || record is null)
        {
            LogNoManager(logger, entry.OwnerId, entry.ItemId);
            await handoffs.TrySaveAsync(claimed with { Status = ShareStatus.NoManager, ClaimedUntil = null }, cancellationToken);
            await outbox.ForgetAsync(entry, cancellationToken);
            return false;
        }

        var message = await builder.BuildAsync(employee, record, history, cancellationToken);
        // From here on nothing is cancelled: once the summary may have gone out, its outcome is written before anything
        // else, through passing faults, so neither a fault nor a shutdown can lead to a second one. Not sent: it waits
        // and is tried again (a manager who has not installed the bot may yet do so).
        var result = await messenger.SendAsync(managerId, message, cancellationToken);
        LogDelivered(logger, entry.OwnerId, entry.ItemId, managerId, result.Outcome, result.Reason);
        if (!await _steps.RecordAsync(entry, claimed, result, (h, at) => h with
            {
                Status = result.IsSent ? ShareStatus.Sent : ShareStatus.Unconfirmed, ManagerId = managerId, SentAt = at,
                MessageId = result.MessageId, ClaimedUntil = null, LastError = result.IsSent ? null : result.Reason,
            }))
        {
            return false;
        }
        await OpenFeedbackRequestAsync(employee, managerId, record, timeProvider.GetUtcNow(), CancellationToken.None);
        return true;
    }

    /// <summary>
    /// A shared check-in that asks for feedback becomes an open request to the manager (answered by replying on the
    /// summary), so it is listed, nudged and closed like any other. Its id derives from the check-in: a retried
    /// delivery cannot open it twice.
    /// </summary>
    private async Task OpenFeedbackRequestAsync(Person employee, string managerId, CheckinRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.TextsFor(QuestionPurpose.FeedbackRequest).FirstOrDefault() is not { } topic)
            return;
        var manager = await directory.FindAsync(managerId, cancellationToken);
        // Not delivered as a request of its own: the summary that carries it is the message.
        await metricsOutbox.NoteAsync(new Insights.Events.FeedbackAsked.FeedbackAsked(employee.Id, FeedbackAsk.ForCheckin(record.CheckinId)), cancellationToken);
        await feedback.TryAddAskAsync(new FeedbackAsk
        {
            Id = FeedbackAsk.ForCheckin(record.CheckinId),
            RequesterId = employee.Id,
            RequesterName = employee.Name,
            AskedUserId = managerId,
            AskedName = manager?.Name,
            Topic = topic,
            CreatedAt = now,
            CheckinId = record.CheckinId,
        }, delivery: null, cancellationToken);
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Summary of check-in {CheckinId} of {UserId} for manager {ManagerId}: {Outcome} ({Reason})")]
    private static partial void LogDelivered(ILogger logger, string userId, string checkinId, string managerId, DeliveryOutcome outcome, string? reason);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Check-in {CheckinId} of {UserId} was shared but there is no manager to send it to")]
    private static partial void LogNoManager(ILogger logger, string userId, string checkinId);
}
