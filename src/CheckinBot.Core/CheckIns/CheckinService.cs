using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Insights.Events;
using CheckinBot.Core.Insights.Events.CheckinSnoozed;
using CheckinBot.Core.Insights.Events.CheckinStarted;
using CheckinBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.CheckIns;

/// <summary>The outcome of one input: the draft as stored, what to tell the person, and the record if it finished.</summary>
public sealed record CheckinTurn(CheckinDraft Draft, DialogueReply Reply, CheckinRecord? Completed = null)
{
    /// <summary>The draft the input was applied to (what the clicked card was showing), when there was one.</summary>
    public CheckinDraft? Before { get; init; }

    /// <summary>The same activity was already applied (a redelivery): say nothing.</summary>
    public bool IsDuplicate { get; init; }
}

/// <summary>
/// Runs check-ins against the store: one draft per person, every answer saved with an ETag, redelivered activities
/// ignored, and completion written in one transaction with the goals it touches.
/// </summary>
public sealed partial class CheckinService(
    ICheckinStore store,
    IGoalStore goalStore,
    IQuestionSetStore questionSets,
    OutboxSignal outboxSignal,
    IDeliveryOutbox outbox,
    IMetricsOutbox metricsOutbox,
    TimeProvider timeProvider,
    ILogger<CheckinService> logger)
{

    public Task<CheckinDraft?> FindDraftAsync(string userId, CancellationToken cancellationToken) =>
        store.FindDraftAsync(userId, cancellationToken);

    /// <summary>
    /// The <c>check in</c> command and the scheduler's entry point. An open draft is continued rather than a second
    /// one started (also when a scheduled check-in arrives while the person is mid-way).
    /// </summary>
    public Task<CheckinTurn> StartOrResumeAsync(string userId, string? occurrenceId, CancellationToken cancellationToken) =>
        StartOrResumeAsync(userId, occurrenceId, known: null, QuestionSet.DefaultId, cancellationToken);

    /// <param name="known">The person's log when the caller has just read it: the first attempt uses its draft; a lost race reads again.</param>
    /// <param name="questionSetId">The set a new check-in asks (its latest version); an open one keeps its own.</param>
    private async Task<CheckinTurn> StartOrResumeAsync(
        string userId, string? occurrenceId, CheckinStartState? known, string questionSetId, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return await OptimisticUpdate.RetryAsync(async () =>
        {
            var draft = known is not null && attempts++ == 0 ? known.Draft : await store.FindDraftAsync(userId, cancellationToken);
            // An open draft continued by a newer scheduled occurrence now answers that occurrence: one check-in per cycle.
            var current = draft is not null && occurrenceId is not null && draft.OccurrenceId != occurrenceId
                ? draft with { OccurrenceId = occurrenceId }
                : draft;
            // A new draft goes through Reopen too, which lands on its first askable step (or the recap if none is).
            var turn = Apply(current ?? await NewDraftAsync(userId, occurrenceId, known, questionSetId, cancellationToken), new DialogueInput.Reopen(), activityId: null);
            var written = turn.Draft == draft || await store.TrySaveDraftAsync(turn.Draft, cancellationToken);
            if (written && draft is null)
                LogStarted(logger, userId, turn.Draft.CheckinId, occurrenceId);
            return (written, turn);
        }, $"Check-in of {userId}");
    }

    /// <summary>
    /// The scheduler's entry point, <c>StartCheckin(employee, occurrence)</c>: honours snooze and skip, never asks
    /// twice for an occurrence that was answered, and continues an open draft instead of starting a second one.
    /// </summary>
    /// <param name="questionSetId">The cadence's question set: a new check-in asks its latest version.</param>
    /// <param name="known">The person's log as <see cref="ReadStartStateAsync"/> just read it, so a run reads it once per send.</param>
    public async Task<ScheduledStart> StartScheduledAsync(
        string userId, string occurrenceId, CancellationToken cancellationToken, string questionSetId = QuestionSet.DefaultId, CheckinStartState? known = null)
    {
        // One read of the person's log serves the common case; only a pending skip goes through the read-write loop.
        known ??= await store.ReadStartStateAsync(userId, cancellationToken);
        if (known.Checkins.Any(r => r.OccurrenceId == occurrenceId))
            return new ScheduledStart(ScheduledStartOutcome.AlreadyDone);
        // A "run now" does not ask again whoever has this cadence's check-in open (a scheduled cycle continues an open
        // draft instead, below, so a new week moves last week's unfinished check-in on).
        if (Occurrences.IsRunNow(occurrenceId) && known.Draft is { Stage: not DraftStage.Paused, OccurrenceId: { } open }
            && open != occurrenceId && Occurrences.SameCadence(open, occurrenceId))
            return new ScheduledStart(ScheduledStartOutcome.AlreadyOpen);

        var preferences = known.Preferences;
        if (preferences is not null && (preferences.SkipNextScheduled || preferences.SkippedOccurrenceIds.Contains(occurrenceId)))
        {
            var skipped = false;
            preferences = await UpdatePreferencesAsync(userId, current =>
            {
                skipped = current is not null && (current.SkipNextScheduled || current.SkippedOccurrenceIds.Contains(occurrenceId));
                return skipped && current!.SkipNextScheduled ? current.Skip(occurrenceId) : null;
            }, cancellationToken);
            if (skipped)
                return new ScheduledStart(ScheduledStartOutcome.Skipped);
        }
        if (preferences?.SnoozedUntil is { } until && until > timeProvider.GetUtcNow())
            return new ScheduledStart(ScheduledStartOutcome.Snoozed, SnoozedUntil: until);

        return new ScheduledStart(ScheduledStartOutcome.Started, await StartOrResumeAsync(userId, occurrenceId, known, questionSetId, cancellationToken));
    }

    /// <summary>What starting a scheduled check-in looks at (draft, preferences, records, goals), in one read.</summary>
    public Task<CheckinStartState> ReadStartStateAsync(string userId, CancellationToken cancellationToken) =>
        store.ReadStartStateAsync(userId, cancellationToken);

    /// <summary>
    /// The person's check-in for a scheduled occurrence while a reminder would still help: open on that occurrence, not
    /// paused by them and not snoozed; null when it is finished, set aside or gone.
    /// </summary>
    public async Task<CheckinDraft?> FindOpenScheduledAsync(string userId, string occurrenceId, CancellationToken cancellationToken)
    {
        var known = await store.ReadStartStateAsync(userId, cancellationToken);
        if (known.Preferences?.SnoozedUntil is { } until && until > timeProvider.GetUtcNow())
            return null;
        return known.Draft is { Stage: not DraftStage.Paused } draft && draft.OccurrenceId == occurrenceId ? draft : null;
    }

    /// <summary>No scheduled check-in starts before <paramref name="until"/>; an open one is paused with its answers kept.</summary>
    public async Task SnoozeAsync(string userId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // Counted in the metrics (noted first, counted once the snooze is stored).
        await metricsOutbox.NoteAsync(new CheckinSnoozed(userId, until), cancellationToken);
        await UpdatePreferencesAsync(userId, p =>
        {
            var current = p ?? new CheckinPreferences { UserId = userId };
            return current with { SnoozedUntil = until, RecentSnoozes = [.. current.RecentSnoozes.TakeLast(CheckinPreferences.RememberedSnoozes - 1), timeProvider.GetUtcNow()] };
        }, cancellationToken);
        await PauseOpenDraftAsync(userId, cancellationToken);
    }

    /// <summary>
    /// The person said they are away until <paramref name="until"/>: no check-in, reminder or nudge reaches them before
    /// it, and an open check-in is paused with its answers kept, as a snooze does.
    /// </summary>
    public async Task SayAwayAsync(string userId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await UpdatePreferencesAsync(userId, p => (p ?? new CheckinPreferences { UserId = userId }) with { AwayUntil = until }, cancellationToken);
        await PauseOpenDraftAsync(userId, cancellationToken);
    }

    /// <summary>The person is back: whatever was held for them goes at its next look. False when they had not said they were away.</summary>
    public async Task<bool> SayBackAsync(string userId, CancellationToken cancellationToken)
    {
        var wasAway = false;
        await UpdatePreferencesAsync(userId, p =>
        {
            wasAway = p?.AwayUntil > timeProvider.GetUtcNow();
            return p?.AwayUntil is null ? null : p with { AwayUntil = null };
        }, cancellationToken);
        return wasAway;
    }

    /// <summary>
    /// Skips this cycle: the open scheduled check-in's occurrence, or else the next scheduled one. The draft is paused,
    /// not thrown away, so "check in" still brings the answers back.
    /// </summary>
    public async Task SkipCycleAsync(string userId, CancellationToken cancellationToken)
    {
        var occurrence = (await store.FindDraftAsync(userId, cancellationToken))?.OccurrenceId;
        await UpdatePreferencesAsync(userId, p =>
        {
            var current = p ?? new CheckinPreferences { UserId = userId };
            return occurrence is null ? current with { SkipNextScheduled = true } : current.Skip(occurrence);
        }, cancellationToken);
        await PauseOpenDraftAsync(userId, cancellationToken);
    }

    private async Task PauseOpenDraftAsync(string userId, CancellationToken cancellationToken)
    {
        if (await store.FindDraftAsync(userId, cancellationToken) is { Stage: not DraftStage.Paused })
            await HandleAsync(userId, activityId: null, new DialogueInput.Cancel(), cancellationToken);
    }

    private Task<CheckinPreferences?> UpdatePreferencesAsync(
        string userId, Func<CheckinPreferences?, CheckinPreferences?> change, CancellationToken cancellationToken) =>
        OptimisticUpdate.RunAsync(
            () => store.FindPreferencesAsync(userId, cancellationToken),
            change,
            next => store.TrySavePreferencesAsync(next, cancellationToken),
            $"Check-in preferences of {userId}");

    /// <summary>Applies an input to the person's draft; null when they have no check-in open.</summary>
    public async Task<CheckinTurn?> HandleAsync(string userId, string? activityId, DialogueInput input, CancellationToken cancellationToken)
    {
        return await OptimisticUpdate.RetryAsync<CheckinTurn?>(async () =>
        {
            var draft = await store.FindDraftAsync(userId, cancellationToken);
            if (draft is null)
                return (true, await CompletedByAsync(userId, activityId, cancellationToken));
            if (draft.HasHandled(activityId))
                return (true, new CheckinTurn(draft, new DialogueReply(DialogueReplyKind.Stale)) { IsDuplicate = true });

            var turn = Apply(draft, input, activityId) with { Before = draft };
            if (turn.Completed is not null)
            {
                var completion = new CheckinCompletion(draft, turn.Completed, await GoalChangesAsync(turn.Draft, turn.Completed, cancellationToken));
                await metricsOutbox.NoteAsync(completion.MetricsEvent, cancellationToken);
                if (completion.Handoff is not null)
                    await outbox.NoteAsync(OutboxKind.Summary, userId, completion.Record.CheckinId, cancellationToken);
                var completed = await store.TryCompleteAsync(completion, cancellationToken);
                if (completed)
                {
                    LogCompleted(logger, userId, turn.Completed.CheckinId, turn.Completed.SharedWithManager);
                    if (turn.Completed.SharedWithManager)
                        outboxSignal.Notify();
                }
                return (completed, turn);
            }
            if (turn.Reply.Kind is DialogueReplyKind.Invalid or DialogueReplyKind.Stale)
                return (true, turn with { Draft = draft }); // nothing changed, nothing to write
            // A sent check-in's first answer makes it "started" in the metrics (noted first, counted once the draft holds it).
            if (draft.OccurrenceId is not null && draft.Answers.IsEmpty && !turn.Draft.Answers.IsEmpty)
                await metricsOutbox.NoteAsync(new CheckinStarted(userId, draft.CheckinId), cancellationToken);
            return (await store.TrySaveDraftAsync(turn.Draft, cancellationToken), turn);
        }, $"Check-in of {userId}");
    }

    private CheckinTurn Apply(CheckinDraft draft, DialogueInput input, string? activityId)
    {
        var now = timeProvider.GetUtcNow();
        var (next, reply) = CheckinDialogue.Apply(draft, input, now);
        next = next.Remember(activityId);
        if (reply.Kind != DialogueReplyKind.Completed)
            return new CheckinTurn(next, reply);

        var record = new CheckinRecord
        {
            UserId = draft.UserId,
            CheckinId = draft.CheckinId,
            QuestionSetId = draft.QuestionSetId,
            QuestionSetVersion = draft.QuestionSetVersion,
            OccurrenceId = draft.OccurrenceId,
            StartedAt = draft.StartedAt,
            CompletedAt = now,
            SharedWithManager = reply.SharedWithManager,
            CompletedByActivityId = activityId,
            Answers = [.. next.AnsweredSteps.Select(a => new CheckinAnswer(a.Step.QuestionId, a.Step.Purpose, a.Step.Prompt, a.Answer, a.Step.GoalId))],
        };
        return new CheckinTurn(next, reply, record);
    }

    /// <summary>A redelivery of the activity that finished the last check-in is a duplicate, not "no check-in open".</summary>
    private async Task<CheckinTurn?> CompletedByAsync(string userId, string? activityId, CancellationToken cancellationToken)
    {
        if (activityId is null)
            return null;
        var records = await store.ListCheckinsAsync(userId, cancellationToken);
        var record = records.FirstOrDefault(r => r.CompletedByActivityId == activityId);
        return record is null ? null : new CheckinTurn(null!, new DialogueReply(DialogueReplyKind.Completed), record) { IsDuplicate = true };
    }

    private async Task<IReadOnlyList<LearningGoal>> GoalChangesAsync(CheckinDraft draft, CheckinRecord record, CancellationToken cancellationToken)
    {
        var goals = (await goalStore.ListGoalsAsync(draft.UserId, cancellationToken)).ToDictionary(g => g.Id);
        var changed = new List<LearningGoal>();
        foreach (var answer in record.Answers)
        {
            if (answer is { Value: GoalProgressAnswer progress, GoalId: { } goalId } && goals.TryGetValue(goalId, out var goal))
            {
                var updated = goal.WithProgress(progress.Percent, progress.Note, record.CompletedAt);
                changed.Add(progress.MilestoneId is { } milestoneId ? updated.TickMilestone(milestoneId, record.CompletedAt) : updated);
            }
            else if (answer.Purpose == QuestionPurpose.NewGoalTitle && goals.Values.Count(g => g.Status == GoalStatus.Active) < LearningGoal.MaxActive)
            {
                changed.Add(GoalService.NewGoal(draft.UserId, answer.DisplayText, record.CompletedAt));
            }
        }
        return changed;
    }

    private async Task<CheckinDraft> NewDraftAsync(
        string userId, string? occurrenceId, CheckinStartState? known, string questionSetId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var goals = known?.Goals ?? await goalStore.ListGoalsAsync(userId, cancellationToken);
        var previous = known?.Checkins ?? await store.ListCheckinsAsync(userId, cancellationToken);
        // The cadence's set, else the default.
        var set = await questionSets.FindLatestOrBuiltInAsync(questionSetId, cancellationToken)
            ?? await questionSets.FindLatestOrBuiltInAsync(QuestionSet.DefaultId, cancellationToken) ?? QuestionSet.Default;
        return new CheckinDraft
        {
            UserId = userId,
            CheckinId = Guid.CreateVersion7(now).ToString("N"),
            QuestionSetId = set.Id,
            QuestionSetVersion = set.Version,
            OccurrenceId = occurrenceId,
            Steps = CheckinSteps.Build(set, goals.Where(g => g.Status == GoalStatus.Active).OrderBy(g => g.CreatedAt).Take(LearningGoal.MaxActive), ReflectionPrompts.For(userId, previous.Count)),
            StartedAt = now,
            UpdatedAt = now,
        };
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Check-in {CheckinId} started for {UserId} (occurrence {OccurrenceId})")]
    private static partial void LogStarted(ILogger logger, string userId, string checkinId, string? occurrenceId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Check-in {CheckinId} of {UserId} completed (shared: {Shared})")]
    private static partial void LogCompleted(ILogger logger, string userId, string checkinId, bool shared);
}
