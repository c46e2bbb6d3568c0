using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Sends a cadence's check-in to its whole audience now (HR's "run now"). Planning and sending are queue work, so any
/// instance does them and a crash only delays them: recipients are written once (keyed run × person), each is claimed
/// with a conditional write before the send and marked after, and the check-in is started through
/// <see cref="CheckinService.StartScheduledAsync"/>, which honours snooze, skip, an answered occurrence and an open draft.
/// </summary>
public sealed partial class RunService(
    ICadenceStore cadences,
    IRunStore runs,
    IWorkBacklog queue,
    IOrgDirectory directory,
    CheckinService checkins,
    IPersonMessenger messenger,
    IRateBudget budget,
    TimeProvider timeProvider,
    ILogger<RunService> logger)
{
    public const int MaxAttempts = 5;

    /// <summary>How long a sender owns a recipient; a crash after the send and before the mark re-sends only after this.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>Starts a run; null when there is no such cadence.</summary>
    public async Task<CadenceRun?> StartAsync(string cadenceId, CancellationToken cancellationToken)
    {
        if (await cadences.FindAsync(cadenceId, cancellationToken) is null)
            return null;
        var now = timeProvider.GetUtcNow();
        var run = new CadenceRun { RunId = Guid.CreateVersion7(now).ToString("N"), CadenceId = cadenceId, StartedAt = now };
        await runs.TryAddRunAsync(run, cancellationToken);
        await queue.EnqueueAsync([new SendWork(run.RunId, null)], TimeSpan.Zero, cancellationToken);
        return run;
    }

    /// <summary>Writes a recipient per person of the audience, streaming it, and queues a send for each. Safe to repeat.</summary>
    public async Task PlanAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.FindRunAsync(runId, cancellationToken);
        var cadence = run is null ? null : await cadences.FindAsync(run.CadenceId, cancellationToken);
        if (run is null || cadence is null || run.PlannedAt is not null)
            return;
        var occurrence = $"{cadence.Id}:run-{runId}";
        var total = await RunPlanning.PlanAsync(runs, queue, directory, timeProvider, runId, cadence.Audience,
            person => Task.FromResult(new RunRecipient { RunId = runId, UserId = person.Id, OccurrenceId = occurrence }), cancellationToken);
        LogPlanned(logger, runId, cadence.Id, total);
    }

    /// <summary>Sends to one recipient. Returns null when the work is done, or how long to wait before trying again.</summary>
    public async Task<TimeSpan?> SendAsync(string runId, string userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var recipient = await runs.FindRecipientAsync(runId, userId, cancellationToken);
        if (recipient is null || recipient.IsDone)
            return null;
        if (recipient.DueAt > now)
            return recipient.DueAt - now; // not their local send time yet
        if (recipient.ClaimedUntil > now)
            return recipient.ClaimedUntil - now;
        if (!await runs.TrySaveRecipientAsync(recipient with { ClaimedUntil = now + ClaimFor, Attempts = recipient.Attempts + 1 }, cancellationToken))
            return TimeSpan.FromSeconds(1); // another instance is on it
        var claimed = (await runs.FindRecipientAsync(runId, userId, cancellationToken))!;

        var run = await runs.FindRunAsync(runId, cancellationToken);
        var cadence = run is null ? null : await cadences.FindAsync(run.CadenceId, cancellationToken);
        if (cadence is not { Active: true })
            return await FinishAsync(claimed, RecipientStatus.Skipped, "cadence paused or deleted", cancellationToken);

        var start = await checkins.StartScheduledAsync(userId, recipient.OccurrenceId, cancellationToken);
        if (start.Outcome != ScheduledStartOutcome.Started)
            return await FinishAsync(claimed, RecipientStatus.Skipped, start.Outcome.ToString(), cancellationToken);

        // The slot is taken right before the send, so sends leave evenly paced (Teams counts a sliding window); the wait
        // is a fraction of a second, far inside the claim.
        await budget.AcquireAsync(cancellationToken);
        var result = await messenger.SendAsync(userId, new CheckinQuestionMessage(start.Turn!.Draft, cadence.Name), cancellationToken);
        if (result is { Outcome: DeliveryOutcome.Throttled, RetryAfter: { } pause })
            await budget.PauseAsync(pause, cancellationToken);
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                return await FinishAsync(claimed, RecipientStatus.Sent, null, cancellationToken);
            case DeliveryOutcome.Unreachable:
                return await FinishAsync(claimed, RecipientStatus.Unreachable, result.Reason, cancellationToken);
            case DeliveryOutcome.Throttled or DeliveryOutcome.Failed when claimed.Attempts < MaxAttempts:
                await runs.TrySaveRecipientAsync(claimed with { ClaimedUntil = null, Reason = result.Reason ?? result.Outcome.ToString() }, cancellationToken);
                return result.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, claimed.Attempts));
            default:
                return await FinishAsync(claimed, RecipientStatus.Failed, result.Reason ?? result.Outcome.ToString(), cancellationToken);
        }
    }

    public async Task<RunProgress?> ProgressAsync(string runId, CancellationToken cancellationToken)
    {
        if (await runs.FindRunAsync(runId, cancellationToken) is not { } run)
            return null;
        var recipients = await runs.ListRecipientsAsync(runId, cancellationToken);
        int Count(RecipientStatus status) => recipients.Count(r => r.Status == status);
        var total = run.PlannedAt is null ? recipients.Count : run.Total;
        var pending = total - recipients.Count(r => r.IsDone);
        var completed = run.PlannedAt is not null && pending == 0 ? recipients.Select(r => r.DoneAt).Max() ?? run.PlannedAt : null;
        return new RunProgress(total, Count(RecipientStatus.Sent), Count(RecipientStatus.Failed), Count(RecipientStatus.Unreachable),
            Count(RecipientStatus.Skipped), pending, run.StartedAt, completed);
    }

    /// <summary>
    /// Records the outcome. After a send this write is what stands between one message and two, so it is retried through
    /// passing storage faults (with the caller's cancellation ignored) rather than left to the claim's expiry.
    /// </summary>
    private async Task<TimeSpan?> FinishAsync(RunRecipient claimed, RecipientStatus status, string? reason, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await OptimisticUpdate.RunAsync(() => runs.FindRecipientAsync(claimed.RunId, claimed.UserId, CancellationToken.None),
                    r => r is null || r.IsDone ? null : r with { Status = status, Reason = reason, ClaimedUntil = null, DoneAt = timeProvider.GetUtcNow() },
                    next => runs.TrySaveRecipientAsync(next, CancellationToken.None), $"Recipient {claimed.UserId} of run {claimed.RunId}");
                break;
            }
            catch (Exception ex) when (attempt < 6 && ex is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), timeProvider, CancellationToken.None);
            }
        }
        LogSent(logger, claimed.RunId, claimed.UserId, status, reason);
        return null;
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Run {RunId} of cadence {CadenceId} planned for {Total} people")]
    private static partial void LogPlanned(ILogger logger, string runId, string cadenceId, int total);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Information, Message = "Run {RunId}: {UserId} {Status} ({Reason})")]
    private static partial void LogSent(ILogger logger, string runId, string userId, RecipientStatus status, string? reason);
}
