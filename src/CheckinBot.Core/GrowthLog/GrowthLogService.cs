using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Registrations;
using Microsoft.Extensions.Logging;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.GrowthLog;

/// <summary>The employee's view of their own log: brag sheet, feedback, export, erase.</summary>
public sealed partial class GrowthLogService(
    ICheckinStore store,
    IGoalStore goalStore,
    IEnumerable<IPersonalDataEraser> erasers,
    IFeedbackStore feedback,
    IErasureJournal erasures,
    ChatRegistrationService registrations,
    TimeProvider timeProvider,
    ILogger<GrowthLogService> logger)
{
    public async Task<IReadOnlyList<BragItem>> WinsAsync(string userId, BragPeriod period, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var from = period switch
        {
            BragPeriod.Month => now.AddMonths(-1),
            BragPeriod.Quarter => now.AddMonths(-3),
            BragPeriod.Year => now.AddYears(-1),
            _ => DateTimeOffset.MinValue,
        };
        // Three independent reads: the turn waits for the slowest, not for the sum.
        var checkinsRead = store.ListCheckinsAsync(userId, cancellationToken);
        var goalsRead = goalStore.ListGoalsAsync(userId, cancellationToken);
        var notesRead = feedback.ListNotesAsync(userId, cancellationToken);
        await Task.WhenAll(checkinsRead, goalsRead, notesRead);
        return WinsOf(await checkinsRead, await goalsRead, await notesRead, from);
    }

    /// <summary>The brag sheet of a log already read: wins from check-ins, completed goals, milestones and praise since <paramref name="from"/>, newest first.</summary>
    public static IReadOnlyList<BragItem> WinsOf(IEnumerable<CheckinRecord> checkins, IReadOnlyList<LearningGoal> goals, IEnumerable<FeedbackNote> notes, DateTimeOffset from)
    {
        var wins = checkins.SelectMany(r => r.Wins.Select(w => new BragItem(r.CompletedAt, w, BragKind.Win)));
        var completed = goals
            .Where(g => g is { Status: GoalStatus.Completed, CompletedAt: not null })
            .Select(g => new BragItem(g.CompletedAt!.Value, g.Title, BragKind.CompletedGoal));
        var milestones = goals.SelectMany(g => g.Milestones
            .Where(m => m.DoneAt is not null)
            .Select(m => new BragItem(m.DoneAt!.Value, $"{m.Title} ({g.Title})", BragKind.Milestone)));
        var praise = notes
            .Where(n => n.IsPraise)
            .Select(n => new BragItem(n.CreatedAt, $"{n.Text} ({n.FromName ?? "a colleague"})", BragKind.Praise));
        return [.. wins.Concat(completed).Concat(milestones).Concat(praise).Where(i => i.At >= from).OrderByDescending(i => i.At)];
    }

    public async Task<IReadOnlyList<CheckinFeedbackTopic>> FeedbackTopicsAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await store.ListCheckinsAsync(userId, cancellationToken))
            .SelectMany(r => r.Answers.Where(a => a.Purpose == QuestionPurpose.FeedbackRequest)
                .Select(a => new CheckinFeedbackTopic(r.CompletedAt, a.DisplayText, r.SharedWithManager, r.CheckinId)))
            .OrderByDescending(f => f.At)];

    public async Task<GrowthLogExport> ExportAsync(string userId, CancellationToken cancellationToken) => new(
        userId,
        timeProvider.GetUtcNow(),
        await registrations.FindAsync(userId, cancellationToken),
        [.. (await store.ListCheckinsAsync(userId, cancellationToken)).OrderBy(r => r.CompletedAt)],
        await GoalsWithFullHistoryAsync(userId, cancellationToken),
        await store.FindDraftAsync(userId, cancellationToken))
    {
        FeedbackReceived = [.. (await feedback.ListNotesAsync(userId, cancellationToken)).OrderBy(n => n.CreatedAt)],
        FeedbackAsked = [.. (await feedback.ListAsksByAsync(userId, cancellationToken)).OrderBy(a => a.CreatedAt)],
    };

    private async Task<IReadOnlyList<LearningGoal>> GoalsWithFullHistoryAsync(string userId, CancellationToken cancellationToken)
    {
        var history = await goalStore.ListHistoryAsync(userId, cancellationToken);
        return [.. (await goalStore.ListGoalsAsync(userId, cancellationToken)).Select(g => g with
        {
            History = [.. (history.GetValueOrDefault(g.Id) ?? []).Concat(g.History).DistinctBy(e => e.At).OrderBy(e => e.At)],
        })];
    }

    /// <summary>
    /// Erases everything the person wrote and their chat registration. The erasure is journalled first; the export
    /// grant goes first of all, so every export link dies at once. A fault part-way leaves the journal entry for
    /// <see cref="FinishUnfinishedAsync"/> and is reported as unfinished, never as "nothing changed".
    /// </summary>
    public async Task<EraseResult> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await erasures.BeginAsync(userId, cancellationToken);
        var erased = 0;
        try
        {
            foreach (var eraser in erasers)
                erased += await eraser.EraseAsync(userId, cancellationToken);
            if (await registrations.DeleteAsync(userId, cancellationToken))
                erased++;
            await erasures.CompleteAsync(userId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEraseInterrupted(logger, userId, ex);
            return new EraseResult(erased, Finished: false);
        }
        LogErased(logger, userId, erased);
        return new EraseResult(erased, Finished: true);
    }

    /// <summary>Finishes erasures a crash or a fault cut short (begun at least a minute ago, so not one in progress).</summary>
    public async Task<int> FinishUnfinishedAsync(CancellationToken cancellationToken)
    {
        var finished = 0;
        foreach (var userId in await erasures.ListUnfinishedAsync(timeProvider.GetUtcNow().AddMinutes(-1), cancellationToken))
            finished += (await EraseAsync(userId, cancellationToken)).Finished ? 1 : 0;
        return finished;
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Erasing the data of {UserId} was interrupted; it will be finished in the background")]
    private static partial void LogEraseInterrupted(ILogger logger, string userId, Exception exception);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Erased {Count} items of {UserId} at their request")]
    private static partial void LogErased(ILogger logger, string userId, int count);
}
