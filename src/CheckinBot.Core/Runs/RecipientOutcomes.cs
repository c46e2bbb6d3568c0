using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Writes what became of a claimed recipient: given back to be retried, postponed (snoozed), or done with its outcome.
/// Each write is at the version the claim returned (no read first) and, after a send, is what stands between one
/// message and two, so it is retried through the storage faults its adapter calls passing, with no cancellation.
/// </summary>
public sealed partial class RecipientOutcomes(IRunRecipientStore recipientStore, IDeadLetterStore deadLetters, PassingFaults faults, TimeProvider timeProvider, ILogger<RecipientOutcomes> logger)
{
    /// <summary>Gives the recipient back unclaimed (a retriable failure) to be tried again after <paramref name="retryIn"/>.</summary>
    public async Task<TimeSpan?> ReleaseAsync(RunRecipient claimed, string reason, TimeSpan retryIn)
    {
        await RecordAsync(claimed, r => r with { ClaimedUntil = null, Reason = reason });
        return retryIn;
    }

    /// <summary>
    /// Not now (snoozed, away, outside working hours: <paramref name="reason"/>): they stay pending, due at
    /// <paramref name="until"/>, and this attempt does not count.
    /// </summary>
    public async Task<TimeSpan?> PostponeAsync(RunRecipient claimed, DateTimeOffset until, string reason)
    {
        await RecordAsync(claimed, r => r.IsDone ? null : r with
        {
            DueAt = until, FirstDueAt = r.FirstDueAt ?? r.DueAt ?? timeProvider.GetUtcNow(), ClaimedUntil = null, Attempts = Math.Max(0, r.Attempts - 1), Reason = reason,
        });
        return until - timeProvider.GetUtcNow();
    }

    /// <summary>Records the outcome; a send that failed for good also goes to the dead-letter table, written first so HR always sees it.</summary>
    public async Task<TimeSpan?> FinishAsync(RunRecipient claimed, RecipientStatus status, string? reason)
    {
        var doneAt = timeProvider.GetUtcNow();
        var outcome = claimed with { Status = status, Reason = reason, ClaimedUntil = null, DoneAt = doneAt };
        if (status == RecipientStatus.Failed)
            await faults.RetryAsync(() => deadLetters.AddDeadLetterAsync(outcome, CancellationToken.None));
        await RecordAsync(claimed, r => r.IsDone ? null : r with { Status = status, Reason = reason, ClaimedUntil = null, DoneAt = doneAt });
        LogOutcome(logger, claimed.RunId, claimed.UserId, status, reason);
        Telemetry.CheckinTelemetry.RunRecipient(status.ToString());
        return null;
    }

    /// <summary>A reminder was dealt with (sent, or found unnecessary): recorded once, so a redelivered message reminds nobody twice.</summary>
    public Task RemindedAsync(RunRecipient claimed, int reminder) =>
        RecordAsync(claimed, r => r.Reminded >= reminder ? null : r with { Reminded = reminder, RemindedAt = timeProvider.GetUtcNow(), ClaimedUntil = null });

    private Task RecordAsync(RunRecipient claimed, Func<RunRecipient, RunRecipient?> change) =>
        faults.RetryAsync(() => OptimisticUpdate.RunFromAsync(
            claimed,
            () => recipientStore.FindRecipientAsync(claimed.RunId, claimed.UserId, CancellationToken.None),
            r => r is null ? null : change(r),
            async next => await recipientStore.TrySaveRecipientAsync(next, CancellationToken.None) is not null,
            $"Recipient {claimed.UserId} of run {claimed.RunId}"));

    [LoggerMessage(EventId = 9302, Level = LogLevel.Information, Message = "Run {RunId}: {UserId} {Status} ({Reason})")]
    private static partial void LogOutcome(ILogger logger, string runId, string userId, RecipientStatus status, string? reason);
}
