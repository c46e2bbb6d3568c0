using System.Collections.Concurrent;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Sends a run's check-ins. Planning and sending are queue work, so any instance does them and a crash only delays them:
/// recipients are written once (a person at most once per run) in chunks, a chunk's due recipients are claimed together
/// with one conditional write, each is sent and its outcome recorded on its own straight after, and the check-in is
/// started through <see cref="CheckinService.StartScheduledAsync"/>, which honours snooze, skip, an answered occurrence
/// and an open draft. See docs/architecture.md ("Fan-out") for the one window where a crash can double a message.
/// </summary>
public sealed partial class RunService(
    ICadenceStore cadences,
    IRunStore runs,
    IWorkBacklog queue,
    IOrgDirectory directory,
    IGroupMembers groupMembers,
    CheckinService checkins,
    IPersonMessenger messenger,
    IRateBudget budget,
    IOptions<FanoutOptions> fanout,
    TimeProvider timeProvider,
    ILogger<RunService> logger)
{
    public const int MaxAttempts = 5;
    private readonly FanoutOptions _options = fanout.Value;

    /// <summary>Starts a run; null when there is no such cadence.</summary>
    public async Task<CadenceRun?> StartAsync(string cadenceId, CancellationToken cancellationToken)
    {
        if (await cadences.FindAsync(cadenceId, cancellationToken) is null)
            return null;
        var now = timeProvider.GetUtcNow();
        var run = new CadenceRun { RunId = Guid.CreateVersion7(now).ToString("N"), CadenceId = cadenceId, StartedAt = now };
        await runs.TryAddRunAsync(run, cancellationToken);
        await runs.SaveLatestRunAsync(cadenceId, run.RunId, cancellationToken);
        await queue.EnqueueAsync([new SendWork(run.RunId, null)], TimeSpan.Zero, cancellationToken);
        return run;
    }

    /// <summary>Writes a recipient per person of the audience, streaming it, and queues each chunk. Safe to repeat.</summary>
    public async Task PlanAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.FindRunAsync(runId, cancellationToken);
        var cadence = run is null ? null : await cadences.FindAsync(run.CadenceId, cancellationToken);
        if (run is null || cadence is null || run.PlannedAt is not null)
            return;
        var occurrence = $"{cadence.Id}:run-{runId}";
        var total = await RunPlanning.PlanAsync(runs, queue, timeProvider, runId, Audience.Stream(directory, groupMembers, cadence.Audience, cancellationToken),
            person => Task.FromResult<RunRecipient?>(new RunRecipient { RunId = runId, UserId = person.Id, OccurrenceId = occurrence, TimeZone = person.TimeZone }), cancellationToken);
        LogPlanned(logger, runId, cadence.Id, total);
    }

    /// <summary>
    /// Sends to the due, unclaimed recipients of one chunk. Returns null when every recipient of the chunk is done (its
    /// tally is then written and its first reminder queued), or how long to wait before trying the chunk again.
    /// </summary>
    public async Task<TimeSpan?> SendChunkAsync(string runId, int chunk, CancellationToken cancellationToken)
    {
        var cadence = await FindCadenceOfAsync(runId, cancellationToken);
        var (later, recipients) = await WorkChunkAsync(runId, chunk, cadence, r => r.IsDone ? null : r.DueAt ?? DateTimeOffset.MinValue,
            countsAttempt: true, SendOneAsync, cancellationToken);
        if (later is not null)
        {
            // Left waiting only for people who snoozed (the chunk comes back when the snooze ends): the others' outcomes
            // show in the run's progress and their reminders start now, not after someone else's snooze.
            if (later > TimeSpan.FromMinutes(1)
                && await runs.ListChunkAsync(runId, chunk, cancellationToken) is var stored
                && stored.All(r => r.IsDone || r.IsSnoozed))
            {
                await runs.SaveTallyAsync(runId, ChunkTally.Of(chunk, stored), cancellationToken);
                await QueueReminderAsync(runId, chunk, cadence, 1, stored, cancellationToken);
            }
            return later;
        }
        await runs.SaveTallyAsync(runId, ChunkTally.Of(chunk, recipients), cancellationToken);
        await QueueReminderAsync(runId, chunk, cadence, 1, recipients, cancellationToken);
        return null;
    }

    /// <summary>
    /// Reminder <paramref name="reminder"/> for one chunk: each person who was sent the check-in and has not finished it
    /// is reminded once, at the policy's hour moved into their working hours. Null when the chunk's reminder is done.
    /// </summary>
    public async Task<TimeSpan?> RemindChunkAsync(string runId, int chunk, int reminder, CancellationToken cancellationToken)
    {
        if (await FindCadenceOfAsync(runId, cancellationToken) is not { } cadence || reminder > cadence.Reminder.Max)
            return null;
        var (later, recipients) = await WorkChunkAsync(runId, chunk, cadence, r => ReminderDue(r, cadence, reminder), countsAttempt: false,
            (r, c, ct) => RemindOneAsync(r, c, reminder, ct), cancellationToken);
        if (later is not null)
            return later;
        await QueueReminderAsync(runId, chunk, cadence, reminder + 1, recipients, cancellationToken);
        return null;
    }

    /// <summary>
    /// When a recipient is due reminder <paramref name="reminder"/>: the policy's hours after the check-in (or after the
    /// previous reminder), moved into their working hours. Null when they are not to get it.
    /// </summary>
    private static DateTimeOffset? ReminderDue(RunRecipient r, Cadence cadence, int reminder) =>
        r is { Status: RecipientStatus.Sent, DoneAt: { } sentAt } && r.Reminded == reminder - 1
            ? WorkingHours.NextWithin((r.RemindedAt ?? sentAt) + TimeSpan.FromHours(cadence.Reminder.AfterHours), r.TimeZone ?? cadence.Schedule.TimeZone)
            : null;

    private async Task QueueReminderAsync(
        string runId, int chunk, Cadence? cadence, int reminder, IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken)
    {
        if (cadence is null || reminder > cadence.Reminder.Max)
            return;
        if (recipients.Select(r => ReminderDue(r, cadence, reminder)).Min() is { } first)
            await queue.EnqueueAsync([new SendWork(runId, chunk, reminder)], first - timeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// The chunk loop shared by sends and reminders: reads the chunk, claims every recipient that is due now and not
    /// held by another sender in one conditional write, runs <paramref name="step"/> for each, and says when to come
    /// back for the rest. When nothing is left (Later null) it also returns the chunk as stored afterwards.
    /// </summary>
    private async Task<(TimeSpan? Later, IReadOnlyList<RunRecipient> Recipients)> WorkChunkAsync(
        string runId, int chunk, Cadence? cadence, Func<RunRecipient, DateTimeOffset?> dueAt, bool countsAttempt,
        Func<RunRecipient, Cadence?, CancellationToken, Task<TimeSpan?>> step, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var todo = (await runs.ListChunkAsync(runId, chunk, cancellationToken)).Select(r => (Recipient: r, Due: dueAt(r))).Where(x => x.Due is not null).ToList();
        // Not due yet (their local hour), or held by another sender (which may have crashed: its claim expires).
        var later = todo.Select(x => x.Due > now ? x.Due - now : x.Recipient.ClaimedUntil > now ? x.Recipient.ClaimedUntil - now : null).Where(d => d is not null).Min();
        var claimable = todo.Where(x => x.Due <= now && !(x.Recipient.ClaimedUntil > now)).Select(x => x.Recipient).ToList();
        if (claimable.Count > 0)
        {
            var claimUntil = now + _options.ClaimFor;
            var claimed = await runs.TrySaveChunkAsync([.. claimable.Select(r => r with { ClaimedUntil = claimUntil, Attempts = r.Attempts + (countsAttempt ? 1 : 0) })], cancellationToken);
            if (claimed is null)
                return (TimeSpan.FromSeconds(1), []); // another sender claimed some of them first: look again shortly
            var retries = new ConcurrentBag<TimeSpan>();
            // Not cancelled as a whole: on shutdown each recipient not yet sent is given back, and a send that has
            // started is finished and recorded, so stopping never strands a claim or leaves a sent message unrecorded.
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = _options.SendsPerChunk }, async (recipient, _) =>
            {
                if (await step(recipient, cadence, cancellationToken) is { } retry)
                    retries.Add(retry);
            });
            cancellationToken.ThrowIfCancellationRequested();
            later = retries.IsEmpty ? later : new[] { later ?? TimeSpan.MaxValue, retries.Min() }.Min();
        }
        if (later is not null)
            return (later, []);
        var recipients = await runs.ListChunkAsync(runId, chunk, cancellationToken);
        return (recipients.Any(r => dueAt(r) is not null) ? TimeSpan.FromSeconds(1) : null, recipients);
    }

    private async Task<Cadence?> FindCadenceOfAsync(string runId, CancellationToken cancellationToken) =>
        await runs.FindRunAsync(runId, cancellationToken) is { } run ? await cadences.FindAsync(run.CadenceId, cancellationToken) : null;

    /// <summary>Reminds one claimed recipient if their check-in for the occurrence is still open; best effort, once.</summary>
    private async Task<TimeSpan?> RemindOneAsync(RunRecipient claimed, Cadence? cadence, int reminder, CancellationToken stopping)
    {
        try
        {
            var open = cadence is { Active: true } ? await checkins.FindOpenScheduledAsync(claimed.UserId, claimed.OccurrenceId, stopping) : null;
            var result = open is null ? null : await messenger.SendAsync(claimed.UserId, new CheckinQuestionMessage(open, cadence!.Name, IsReminder: true), budget, stopping);
            if (result is { Outcome: DeliveryOutcome.Throttled })
                return await ReleaseAsync(claimed, "Throttled", result.RetryAfter ?? TimeSpan.FromSeconds(30));
            // Sent, not needed (finished, snoozed, paused cadence) or failed: either way this reminder is over.
            await RecordAsync(claimed, r => r.Reminded >= reminder ? null : r with { Reminded = reminder, RemindedAt = timeProvider.GetUtcNow(), ClaimedUntil = null });
            return null;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return await ReleaseAsync(claimed, "shutting down", TimeSpan.Zero);
        }
    }

    /// <summary>Sends to one claimed recipient; null when their outcome is recorded, else when to try them again.</summary>
    private async Task<TimeSpan?> SendOneAsync(RunRecipient claimed, Cadence? cadence, CancellationToken stopping)
    {
        try
        {
            if (cadence is not { Active: true })
                return await FinishAsync(claimed, RecipientStatus.Skipped, "cadence paused or deleted");

            var start = await checkins.StartScheduledAsync(claimed.UserId, claimed.OccurrenceId, stopping);
            if (start is { Outcome: ScheduledStartOutcome.Snoozed, SnoozedUntil: { } until })
            {
                // Sent when the snooze ends, unless the cadence's next cycle comes first: that one asks them anyway.
                return claimed.DueAt is { } due && CadenceCalendar.Next(cadence.Schedule, claimed.TimeZone, due) is { } next && next.DueAtUtc <= until
                    ? await FinishAsync(claimed, RecipientStatus.Skipped, "snoozed past the next cycle")
                    : await PostponeAsync(claimed, until);
            }
            if (start.Outcome != ScheduledStartOutcome.Started)
                return await FinishAsync(claimed, RecipientStatus.Skipped, start.Outcome.ToString());

            // A long stop (claims held while shutting down elsewhere) can eat the claim; past its middle another sender
            // may soon take over, so leave it be.
            if (claimed.ClaimedUntil - timeProvider.GetUtcNow() < _options.ClaimFor / 2)
                return await ReleaseAsync(claimed with { Attempts = claimed.Attempts - 1 }, "claim ran short", TimeSpan.Zero);
            // The budget paces the calls to Teams (and a 429 pauses every instance); once a call has started it is
            // finished and recorded whatever else happens.
            var result = await messenger.SendAsync(claimed.UserId, new CheckinQuestionMessage(start.Turn!.Draft, cadence.Name), budget, stopping);
            return result.Outcome switch
            {
                DeliveryOutcome.Sent => await FinishAsync(claimed, RecipientStatus.Sent, null),
                DeliveryOutcome.Unreachable => await FinishAsync(claimed, RecipientStatus.Unreachable, result.Reason),
                DeliveryOutcome.Throttled or DeliveryOutcome.Failed when claimed.Attempts < MaxAttempts =>
                    await ReleaseAsync(claimed, result.Reason ?? result.Outcome.ToString(), result.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, claimed.Attempts))),
                _ => await FinishAsync(claimed, RecipientStatus.Failed, result.Reason ?? result.Outcome.ToString()),
            };
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return await ReleaseAsync(claimed with { Attempts = claimed.Attempts - 1 }, "shutting down", TimeSpan.Zero);
        }
    }

    /// <summary>The cadence's newest run and how it is going; null when it never ran.</summary>
    public async Task<(string RunId, RunProgress Progress)?> LatestRunAsync(string cadenceId, CancellationToken cancellationToken) =>
        await runs.FindLatestRunIdAsync(cadenceId, cancellationToken) is { } runId && await ProgressAsync(runId, cancellationToken) is { } progress
            ? (runId, progress)
            : null;

    /// <summary>Who a run could not reach after its retries, and why; null when there is no such run.</summary>
    public async Task<IReadOnlyList<RunRecipient>?> DeadLettersAsync(string runId, CancellationToken cancellationToken) =>
        await runs.FindRunAsync(runId, cancellationToken) is null ? null : await runs.ListDeadLettersAsync(runId, cancellationToken);

    public async Task<RunProgress?> ProgressAsync(string runId, CancellationToken cancellationToken)
    {
        if (await runs.FindRunAsync(runId, cancellationToken) is not { } run)
            return null;
        var tallies = await runs.ListTalliesAsync(runId, cancellationToken);
        var done = tallies.Sum(t => t.Done);
        var total = run.PlannedAt is null ? done : run.Total;
        var pending = total - done;
        var completed = run.PlannedAt is not null && pending == 0 ? tallies.Select(t => (DateTimeOffset?)t.DoneAt).Max() ?? run.PlannedAt : null;
        return new RunProgress(total, tallies.Sum(t => t.Sent), tallies.Sum(t => t.Failed), tallies.Sum(t => t.Unreachable),
            tallies.Sum(t => t.Skipped), pending, run.StartedAt, completed) { Snoozed = tallies.Sum(t => t.Snoozed) };
    }

    /// <summary>Gives the recipient back unclaimed (a retriable failure) to be tried again after <paramref name="retryIn"/>.</summary>
    private async Task<TimeSpan?> ReleaseAsync(RunRecipient claimed, string reason, TimeSpan retryIn)
    {
        await RecordAsync(claimed, r => r with { ClaimedUntil = null, Reason = reason });
        return retryIn;
    }

    /// <summary>The person snoozed: they stay pending, due when the snooze ends, and this attempt does not count.</summary>
    private async Task<TimeSpan?> PostponeAsync(RunRecipient claimed, DateTimeOffset until)
    {
        await RecordAsync(claimed, r => r.IsDone ? null : r with { DueAt = until, ClaimedUntil = null, Attempts = Math.Max(0, r.Attempts - 1), Reason = RunRecipient.SnoozedReason });
        return until - timeProvider.GetUtcNow();
    }

    /// <summary>Records the outcome; a send that failed for good also goes to the dead-letter table, written first so HR always sees it.</summary>
    private async Task<TimeSpan?> FinishAsync(RunRecipient claimed, RecipientStatus status, string? reason)
    {
        var outcome = claimed with { Status = status, Reason = reason, ClaimedUntil = null, DoneAt = timeProvider.GetUtcNow() };
        if (status == RecipientStatus.Failed)
            await runs.AddDeadLetterAsync(outcome, CancellationToken.None);
        await RecordAsync(claimed, r => r.IsDone ? null : r with { Status = status, Reason = reason, ClaimedUntil = null, DoneAt = outcome.DoneAt });
        LogOutcome(logger, claimed.RunId, claimed.UserId, status, reason);
        return null;
    }

    /// <summary>
    /// Writes at the claimed version (no read first). After a send this write is what stands between one message and
    /// two, so it is retried through passing storage faults, with no cancellation, rather than left to the claim's expiry.
    /// </summary>
    private async Task RecordAsync(RunRecipient claimed, Func<RunRecipient, RunRecipient?> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var reads = 0;
                await OptimisticUpdate.RunAsync(
                    () => reads++ == 0 ? Task.FromResult<RunRecipient?>(claimed) : runs.FindRecipientAsync(claimed.RunId, claimed.UserId, CancellationToken.None),
                    r => r is null ? null : change(r),
                    async next => await runs.TrySaveRecipientAsync(next, CancellationToken.None) is not null,
                    $"Recipient {claimed.UserId} of run {claimed.RunId}");
                return;
            }
            catch (Exception ex) when (attempt < 6 && ex is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)), timeProvider, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Run {RunId} of cadence {CadenceId} planned for {Total} people")]
    private static partial void LogPlanned(ILogger logger, string runId, string cadenceId, int total);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Information, Message = "Run {RunId}: {UserId} {Status} ({Reason})")]
    private static partial void LogOutcome(ILogger logger, string runId, string userId, RecipientStatus status, string? reason);
}
