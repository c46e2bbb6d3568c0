using CheckinBot.Core.Time;
using System.Collections.Concurrent;
using CheckinBot.Core.Away;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Sends one chunk of a run, or one of its reminders: claims every due recipient of the chunk in one conditional write,
/// keeps the claims alive while it works (<see cref="ClaimHeartbeat"/>), sends <see cref="FanoutOptions.SendsPerChunk"/>
/// at a time and has each outcome recorded at once (<see cref="RecipientOutcomes"/>). Each message is checked against
/// <see cref="SendTimeRule"/> as it goes (away, working hours); someone away is held until they are back while the
/// occurrence is still worth answering (<see cref="AnswerWindow"/>), else counted <see cref="RecipientStatus.Away"/>.
/// The check-in is started through <see cref="CheckinService.StartScheduledAsync"/>, which honours snooze, skip, an
/// answered occurrence and an open draft, and only once the person is known to be reachable, so nobody's log gets a
/// draft they can never be sent.
/// </summary>
public sealed class ChunkSender(
    ICadenceStore cadences,
    IRunStore runs,
    IRunRecipientStore recipientStore,
    IRunTallyStore tallyStore,
    IWorkBacklog queue,
    CheckinService checkins,
    IPersonMessenger messenger,
    Insights.Events.IMetricsOutbox metricsOutbox,
    RecipientOutcomes outcomes,
    AwayService away,
    SendTimeRule sendTime,
    Fatigue.FatigueService fatigue,
    IOptions<FanoutOptions> fanout,
    IOptions<WorkdayOptions> workday,
    TimeProvider timeProvider)
{
    public const int MaxAttempts = 5;
    private readonly FanoutOptions _options = fanout.Value;
    private readonly WorkingHours _workday = workday.Value.Hours;

    /// <summary>
    /// Sends to the due, unclaimed recipients of one chunk. Returns null when every recipient of the chunk is done (its
    /// tally is then written and its first reminder queued), or how long to wait before trying the chunk again.
    /// </summary>
    public async Task<TimeSpan?> SendChunkAsync(string runId, int chunk, CancellationToken cancellationToken)
    {
        using var span = Telemetry.CheckinTelemetry.Source.StartActivity("run.chunk");
        span?.SetTag("checkinbot.run.id", runId);
        span?.SetTag("checkinbot.run.chunk", chunk);
        var cadence = await FindCadenceOfAsync(runId, cancellationToken);
        var (later, recipients) = await WorkChunkAsync(runId, chunk, r => r.IsDone ? null : r.DueAt ?? DateTimeOffset.MinValue,
            countsAttempt: true, (r, beat, ct) => SendOneAsync(r, cadence, beat, ct), cancellationToken);
        if (later is not null)
        {
            // Left waiting only for people who snoozed or are away (the chunk comes back when they are due): the others'
            // outcomes show in the run's progress and their reminders start now, not after someone else's return.
            if (later > TimeSpan.FromMinutes(1)
                && await recipientStore.ListChunkAsync(runId, chunk, cancellationToken) is var stored
                && stored.All(r => r.IsDone || r.IsWaitingOnPerson))
            {
                await tallyStore.SaveTallyAsync(runId, ChunkTally.Of(chunk, stored), cancellationToken);
                await QueueReminderAsync(runId, chunk, cadence, 1, stored, cancellationToken);
            }
            return later;
        }
        // Noted before the tally: a crash between the two leaves the chunk counted once it is redelivered and done.
        await metricsOutbox.NoteAsync(new Insights.Events.ChunkFinished.ChunkFinished(runId, chunk), cancellationToken);
        await tallyStore.SaveTallyAsync(runId, ChunkTally.Of(chunk, recipients), cancellationToken);
        await QueueReminderAsync(runId, chunk, cadence, 1, recipients, cancellationToken);
        return null;
    }

    /// <summary>
    /// Reminder <paramref name="reminder"/> for one chunk: each person who was sent the check-in (or possibly sent it:
    /// unconfirmed) and has not finished it is reminded once, at the policy's hour moved into their working hours. Null
    /// when the chunk's reminder is done.
    /// </summary>
    public async Task<TimeSpan?> RemindChunkAsync(string runId, int chunk, int reminder, CancellationToken cancellationToken)
    {
        if (await FindCadenceOfAsync(runId, cancellationToken) is not { } cadence || reminder > cadence.Reminder.Max)
            return null;
        var (later, recipients) = await WorkChunkAsync(runId, chunk, r => ReminderDue(r, cadence, reminder), countsAttempt: false,
            (r, beat, ct) => RemindOneAsync(r, cadence, reminder, beat, ct), cancellationToken);
        if (later is not null)
            return later;
        await QueueReminderAsync(runId, chunk, cadence, reminder + 1, recipients, cancellationToken);
        return null;
    }

    /// <summary>
    /// When a recipient is due reminder <paramref name="reminder"/>: the policy's hours after the check-in (or after the
    /// previous reminder), moved into their working hours. A reminder worked on late, outside working hours (a restart,
    /// a claim that had to run out), is due at the next working hour rather than at once: one due on Friday and reached
    /// at the weekend waits for Monday morning in the person's zone. Null when they are not to get it.
    /// </summary>
    private DateTimeOffset? ReminderDue(RunRecipient r, Cadence cadence, int reminder)
    {
        if (r is not { Status: RecipientStatus.Sent or RecipientStatus.Unconfirmed, DoneAt: { } sentAt } || r.Reminded != reminder - 1)
            return null;
        var zone = r.TimeZone ?? cadence.Schedule.TimeZone;
        var due = _workday.NextWithin((r.RemindedAt ?? sentAt) + TimeSpan.FromHours(cadence.Reminder.AfterHours), zone);
        var now = timeProvider.GetUtcNow();
        return due <= now && _workday.NextWithin(now, zone) is var next && next > now ? next : due;
    }

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
    /// held by another sender in one conditional write, runs <paramref name="step"/> for each while the claims are kept
    /// alive, and says when to come back for the rest. When nothing is left (Later null) it also returns the chunk as
    /// stored afterwards.
    /// </summary>
    private async Task<(TimeSpan? Later, IReadOnlyList<RunRecipient> Recipients)> WorkChunkAsync(
        string runId, int chunk, Func<RunRecipient, DateTimeOffset?> dueAt, bool countsAttempt,
        Func<RunRecipient, ClaimHeartbeat, CancellationToken, Task<TimeSpan?>> step, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var todo = (await recipientStore.ListChunkAsync(runId, chunk, cancellationToken)).Select(r => (Recipient: r, Due: dueAt(r))).Where(x => x.Due is not null).ToList();
        // Not due yet (their local hour), or held by another sender (which may have crashed: its claim expires).
        var later = todo.Select(x => x.Due > now ? x.Due - now : x.Recipient.ClaimedUntil > now ? x.Recipient.ClaimedUntil - now : null).Where(d => d is not null).Min();
        var claimable = todo.Where(x => x.Due <= now && !(x.Recipient.ClaimedUntil > now)).Select(x => x.Recipient).ToList();
        if (claimable.Count > 0)
        {
            var claimUntil = now + _options.ClaimFor;
            var claimed = await recipientStore.TrySaveChunkAsync([.. claimable.Select(r => r with { ClaimedUntil = claimUntil, Attempts = r.Attempts + (countsAttempt ? 1 : 0) })], cancellationToken);
            if (claimed is null)
                return (TimeSpan.FromSeconds(1), []); // another sender claimed some of them first: look again shortly
            var retries = new ConcurrentBag<TimeSpan>();
            await using (var heartbeat = ClaimHeartbeat.Start(claimed, recipientStore, _options.ClaimFor, timeProvider))
            {
                // One batched read of Outlook for the chunk, so each send below finds its answer remembered.
                await away.PrefetchAsync([.. claimed.Select(r => r.UserId)], cancellationToken);
                // Not cancelled as a whole: on shutdown each recipient not yet sent is given back, and a send that has
                // started is finished and recorded, so stopping never strands a claim or leaves a sent message unrecorded.
                await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = _options.SendsPerChunk }, async (recipient, _) =>
                {
                    if (await step(recipient, heartbeat, cancellationToken) is { } retry)
                        retries.Add(retry);
                });
            }
            cancellationToken.ThrowIfCancellationRequested();
            later = retries.IsEmpty ? later : new[] { later ?? TimeSpan.MaxValue, retries.Min() }.Min();
        }
        if (later is not null)
            return (later, []);
        var recipients = await recipientStore.ListChunkAsync(runId, chunk, cancellationToken);
        return (recipients.Any(r => dueAt(r) is not null) ? TimeSpan.FromSeconds(1) : null, recipients);
    }

    private async Task<Cadence?> FindCadenceOfAsync(string runId, CancellationToken cancellationToken) =>
        await runs.FindRunAsync(runId, cancellationToken) is { } run ? await cadences.FindAsync(run.CadenceId, cancellationToken) : null;

    /// <summary>Reminds one claimed recipient if their check-in for the occurrence is still open; best effort, once.</summary>
    private async Task<TimeSpan?> RemindOneAsync(RunRecipient claimed, Cadence cadence, int reminder, ClaimHeartbeat heartbeat, CancellationToken stopping)
    {
        try
        {
            // No reminder while away (none is owed for the time away); outside working hours it waits for them.
            var when = await sendTime.CheckAsync(claimed.UserId, claimed.TimeZone ?? cadence.Schedule.TimeZone, chosenTime: null, stopping);
            if (when is { Away: null, HoldUntil: { } hold })
                return await outcomes.ReleaseAsync(heartbeat.LetGo(claimed), RunRecipient.OutsideWorkingHoursReason, hold - timeProvider.GetUtcNow());
            var open = cadence.Active && when.IsNow ? await checkins.FindOpenScheduledAsync(claimed.UserId, claimed.OccurrenceId, stopping) : null;
            var result = open is null ? null : await messenger.SendAsync(claimed.UserId, new CheckinQuestionMessage(open, cadence.Name, IsReminder: true), stopping);
            if (result is { Outcome: DeliveryOutcome.Throttled })
                return await outcomes.ReleaseAsync(heartbeat.LetGo(claimed), "Throttled", result.RetryAfter ?? TimeSpan.FromSeconds(30));
            // Sent (or possibly), not needed (finished, snoozed, paused cadence) or failed: either way this reminder is over.
            await outcomes.RemindedAsync(heartbeat.LetGo(claimed), reminder);
            return null;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return await outcomes.ReleaseAsync(heartbeat.LetGo(claimed), "shutting down", TimeSpan.Zero);
        }
    }

    /// <summary>
    /// The send-time rule for a question: not held when it goes now; else the recipient is postponed (away and the
    /// occurrence still worth answering when they are back, or outside working hours after running late) or, away past
    /// the occurrence's answer window, recorded as <see cref="RecipientStatus.Away"/>.
    /// </summary>
    private async Task<(bool Held, TimeSpan? Retry)> HoldAsync(
        RunRecipient claimed, Cadence cadence, CheckinPreferences? preferences, ClaimHeartbeat heartbeat, CancellationToken stopping)
    {
        var zone = claimed.TimeZone ?? cadence.Schedule.TimeZone;
        var now = timeProvider.GetUtcNow();
        var when = await sendTime.CheckAsync(claimed.UserId, preferences, zone, claimed.DueAt ?? now, stopping);
        if (when.HoldUntil is not { } hold)
            return (false, null);
        if (when.Away is null)
            return (true, await outcomes.PostponeAsync(heartbeat.LetGo(claimed), hold, RunRecipient.OutsideWorkingHoursReason));
        return (true, AnswerWindow.Allows(cadence, zone, claimed.FirstDueAt ?? claimed.DueAt ?? now, hold)
            ? await outcomes.PostponeAsync(heartbeat.LetGo(claimed), hold, RunRecipient.AwayReason)
            : await outcomes.FinishAsync(heartbeat.LetGo(claimed), RecipientStatus.Away, when.Away.Source.ToString()));
    }

    /// <summary>Sends to one claimed recipient; null when their outcome is recorded, else when to try them again.</summary>
    private async Task<TimeSpan?> SendOneAsync(RunRecipient claimed, Cadence? cadence, ClaimHeartbeat heartbeat, CancellationToken stopping)
    {
        try
        {
            if (cadence is not { Active: true })
                return await outcomes.FinishAsync(heartbeat.LetGo(claimed), RecipientStatus.Skipped, "cadence paused or deleted");
            // One read of their log serves the send-time rule (what they said of being away) and the start of the check-in.
            var state = await checkins.ReadStartStateAsync(claimed.UserId, stopping);
            if (await HoldAsync(claimed, cadence, state.Preferences, heartbeat, stopping) is (Held: true, var retry))
                return retry;
            // Before anything is written for them: a person who never installed the bot, blocked it or erased their data
            // gets no draft (and no data back) from a run.
            if (await messenger.EnsureReachableAsync(claimed.UserId, stopping) is { } unreachable)
                return await outcomes.FinishAsync(heartbeat.LetGo(claimed), RecipientStatus.Unreachable, unreachable.Reason);

            // The form this person is asked (a tired person's light form, or none this week when stepped down).
            var ask = await fatigue.AdaptAsync(claimed.UserId, cadence, claimed.OccurrenceId, claimed.FirstDueAt ?? claimed.DueAt ?? timeProvider.GetUtcNow(), state.Checkins, stopping);
            if (ask.SteppedOver)
                return await outcomes.FinishAsync(heartbeat.LetGo(claimed), RecipientStatus.Skipped, "stepped down: asked less often while tired");
            var start = await checkins.StartScheduledAsync(claimed.UserId, claimed.OccurrenceId, stopping, ask.QuestionSetId, state);
            if (start is { Outcome: ScheduledStartOutcome.Snoozed, SnoozedUntil: { } until })
            {
                // Sent when the snooze ends, unless the cadence's next cycle comes first: that one asks them anyway.
                return claimed.DueAt is { } due && CadenceCalendar.Next(cadence.Schedule, claimed.TimeZone, due) is { } next && next.DueAtUtc <= until
                    ? await outcomes.FinishAsync(heartbeat.LetGo(claimed), RecipientStatus.Skipped, "snoozed past the next cycle")
                    : await outcomes.PostponeAsync(heartbeat.LetGo(claimed), until, RunRecipient.SnoozedReason);
            }
            if (start.Outcome != ScheduledStartOutcome.Started)
                return await outcomes.FinishAsync(heartbeat.LetGo(claimed), RecipientStatus.Skipped, start.Outcome.ToString());

            // The claim is renewed while this waits; one that still ran short (storage down for a third of a claim) may
            // already be another sender's, so leave it be.
            if (heartbeat.Latest(claimed).ClaimedUntil - timeProvider.GetUtcNow() < _options.ClaimFor / 3)
                return await outcomes.ReleaseAsync(heartbeat.LetGo(claimed) with { Attempts = claimed.Attempts - 1 }, "claim ran short", TimeSpan.Zero);
            // The connector's pipeline paces every call by the shared budget; once a call has started it is finished and
            // recorded whatever else happens.
            var result = await messenger.SendAsync(claimed.UserId, new CheckinQuestionMessage(start.Turn!.Draft, cadence.Name, Note: ask.Note), stopping);
            var held = heartbeat.LetGo(claimed);
            return result.Outcome switch
            {
                DeliveryOutcome.Sent => await outcomes.FinishAsync(held, RecipientStatus.Sent, null),
                DeliveryOutcome.Unconfirmed => await outcomes.FinishAsync(held, RecipientStatus.Unconfirmed, result.Reason),
                DeliveryOutcome.Unreachable => await outcomes.FinishAsync(held, RecipientStatus.Unreachable, result.Reason),
                DeliveryOutcome.Throttled or DeliveryOutcome.Failed when claimed.Attempts < MaxAttempts =>
                    await outcomes.ReleaseAsync(held, result.Reason ?? result.Outcome.ToString(), result.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, claimed.Attempts))),
                _ => await outcomes.FinishAsync(held, RecipientStatus.Failed, result.Reason ?? result.Outcome.ToString()),
            };
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return await outcomes.ReleaseAsync(heartbeat.LetGo(claimed) with { Attempts = claimed.Attempts - 1 }, "shutting down", TimeSpan.Zero);
        }
    }
}
