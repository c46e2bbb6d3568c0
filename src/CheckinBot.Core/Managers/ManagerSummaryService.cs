using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Managers;

/// <summary>
/// Delivers shared check-ins to the person's manager as found in the directory at sending time, like a run's sends: a
/// hand-off is claimed with a conditional write, sent, and its outcome (sent, unconfirmed, or not sent and when to try
/// again) recorded before anything else. A crash between send and record is the only window in which a summary could go
/// twice (docs/architecture.md). Also the manager's reads, each checked
/// against the directory at read time, so a previous manager sees nothing new.
/// </summary>
public sealed partial class ManagerSummaryService(
    IShareHandoffStore handoffs,
    ICheckinStore checkins,
    IGoalStore goals,
    IOrgDirectory directory,
    IPersonMessenger messenger,
    IFeedbackStore feedback,
    PassingFaults faults,
    TimeProvider timeProvider,
    ILogger<ManagerSummaryService> logger)
{
    /// <summary>How long a sender owns a claimed hand-off before another may retry it.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>A pending entry with no hand-off this long after it was noted belongs to a check-in that never committed.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public const int EnergyTrendLength = 5;

    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var pending in await handoffs.ListPendingAsync(100, cancellationToken))
            sent += await DeliverAsync(pending, cancellationToken) ? 1 : 0;
        return sent;
    }

    private async Task<bool> DeliverAsync(PendingShare pending, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var handoff = await handoffs.FindAsync(pending.UserId, pending.CheckinId, cancellationToken);
        if (handoff is null || handoff.Status != ShareStatus.Pending)
        {
            if (handoff is not null || now - pending.NotedAt > AbandonedAfter)
                await handoffs.ForgetPendingAsync(pending.UserId, pending.CheckinId, cancellationToken);
            return false;
        }
        if (handoff.ClaimedUntil > now)
            return false;
        var claimed = handoff with { ClaimedUntil = now + ClaimFor, Attempts = handoff.Attempts + 1 };
        if (!await handoffs.TrySaveAsync(claimed, cancellationToken))
            return false; // another instance claimed it
        claimed = (await handoffs.FindAsync(pending.UserId, pending.CheckinId, cancellationToken))!;

        var employee = await directory.FindAsync(pending.UserId, cancellationToken);
        var history = await checkins.ListCheckinsAsync(pending.UserId, cancellationToken);
        var record = history.FirstOrDefault(r => r.CheckinId == pending.CheckinId);
        if (employee?.ManagerId is not { } managerId || record is null)
        {
            LogNoManager(logger, pending.UserId, pending.CheckinId);
            await FinishAsync(claimed with { Status = ShareStatus.NoManager, ClaimedUntil = null }, cancellationToken);
            return false;
        }

        var message = await BuildAsync(employee, record, history, cancellationToken);
        // From here on nothing is cancelled: once the summary may have gone out, its outcome is written before anything
        // else, through passing faults, so neither a fault nor a shutdown can lead to a second one.
        var result = await messenger.SendAsync(managerId, message, cancellationToken);
        LogDelivered(logger, pending.UserId, pending.CheckinId, managerId, result.Outcome, result.Reason);
        if (result.MayHaveArrived)
        {
            var sentAt = timeProvider.GetUtcNow();
            await RecordAsync(claimed, h => h with
            {
                Status = result.IsSent ? ShareStatus.Sent : ShareStatus.Unconfirmed, ManagerId = managerId, SentAt = sentAt,
                MessageId = result.MessageId, ClaimedUntil = null, LastError = result.IsSent ? null : result.Reason,
            });
            await handoffs.ForgetPendingAsync(pending.UserId, pending.CheckinId, CancellationToken.None);
            await OpenFeedbackRequestAsync(employee, managerId, record, sentAt, CancellationToken.None);
            return true;
        }
        // Not sent: leave it pending and retry after a pause (a manager who has not installed the bot may yet do so).
        var retryIn = result.RetryAfter ?? (result.Outcome == DeliveryOutcome.Unreachable ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, claimed.Attempts))));
        await RecordAsync(claimed, h => h with { ClaimedUntil = timeProvider.GetUtcNow() + retryIn, LastError = result.Reason ?? result.Outcome.ToString() });
        return false;
    }

    /// <summary>
    /// Writes the hand-off's outcome at the claimed version, re-reading only if the write lost a race (the hand-off is
    /// still ours: the claim is what every other sender checks), retried through passing faults, never cancelled.
    /// </summary>
    private Task RecordAsync(ShareHandoff claimed, Func<ShareHandoff, ShareHandoff> change) =>
        faults.RetryAsync(() => OptimisticUpdate.RunFromAsync(
            claimed,
            () => handoffs.FindAsync(claimed.UserId, claimed.CheckinId, CancellationToken.None),
            h => h is null || h.Status != ShareStatus.Pending ? null : change(h),
            next => handoffs.TrySaveAsync(next, CancellationToken.None),
            $"Summary of {claimed.CheckinId}"));

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
        }, cancellationToken);
    }

    private async Task FinishAsync(ShareHandoff done, CancellationToken cancellationToken)
    {
        await handoffs.TrySaveAsync(done, cancellationToken);
        await handoffs.ForgetPendingAsync(done.UserId, done.CheckinId, cancellationToken);
    }

    /// <summary>The summary: energy trend over recent shared check-ins, each goal's move since the previous one.</summary>
    public async Task<ManagerSummaryMessage> BuildAsync(Person employee, CheckinRecord record, CancellationToken cancellationToken) =>
        await BuildAsync(employee, record, await checkins.ListCheckinsAsync(employee.Id, cancellationToken), cancellationToken);

    /// <param name="history">The person's check-ins, when the caller has read them already.</param>
    private async Task<ManagerSummaryMessage> BuildAsync(Person employee, CheckinRecord record, IReadOnlyList<CheckinRecord> history, CancellationToken cancellationToken)
    {
        var shared = history
            .Where(r => r.SharedWithManager && r.CompletedAt <= record.CompletedAt)
            .OrderBy(r => r.CompletedAt)
            .ToList();
        var previous = shared.Where(r => r.CheckinId != record.CheckinId).LastOrDefault();
        var titles = (await goals.ListGoalsAsync(employee.Id, cancellationToken)).ToDictionary(g => g.Id, g => g.Title);
        var lines = record.Answers
            .Where(a => a is { Value: GoalProgressAnswer, GoalId: not null })
            .Select(a =>
            {
                var progress = (GoalProgressAnswer)a.Value;
                var before = previous?.Answers.FirstOrDefault(p => p.GoalId == a.GoalId)?.Value as GoalProgressAnswer;
                return new GoalSummaryLine(titles.GetValueOrDefault(a.GoalId!) ?? a.Prompt, progress.Percent, before?.Percent, progress.MilestoneTitle, progress.Note);
            })
            .ToList();
        var trend = shared.Select(r => r.Energy).OfType<int>().TakeLast(EnergyTrendLength).ToList();
        return new ManagerSummaryMessage(employee, record, trend, lines);
    }

    /// <summary>A report's earlier shared check-ins, newest first; null when the reader is not their manager now.</summary>
    public async Task<IReadOnlyList<CheckinRecord>?> HistoryAsync(string managerId, string employeeId, int max, CancellationToken cancellationToken)
    {
        if (!await directory.IsCurrentManagerAsync(managerId, employeeId, cancellationToken))
            return null;
        return [.. (await checkins.ListCheckinsAsync(employeeId, cancellationToken)).Where(r => r.SharedWithManager).OrderByDescending(r => r.CompletedAt).Take(max)];
    }

    /// <summary>The manager has read the summary; false when they are not the person's manager now.</summary>
    public async Task<bool> AcknowledgeAsync(string managerId, string employeeId, string checkinId, CancellationToken cancellationToken)
    {
        if (!await directory.IsCurrentManagerAsync(managerId, employeeId, cancellationToken))
            return false;
        await OptimisticUpdate.RunAsync(
            () => handoffs.FindAsync(employeeId, checkinId, cancellationToken),
            h => h is null || h.AcknowledgedAt is not null ? null : h with { AcknowledgedAt = timeProvider.GetUtcNow() },
            next => handoffs.TrySaveAsync(next, cancellationToken),
            $"Summary of {checkinId}");
        return true;
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Summary of check-in {CheckinId} of {UserId} for manager {ManagerId}: {Outcome} ({Reason})")]
    private static partial void LogDelivered(ILogger logger, string userId, string checkinId, string managerId, DeliveryOutcome outcome, string? reason);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Check-in {CheckinId} of {UserId} was shared but there is no manager to send it to")]
    private static partial void LogNoManager(ILogger logger, string userId, string checkinId);
}
