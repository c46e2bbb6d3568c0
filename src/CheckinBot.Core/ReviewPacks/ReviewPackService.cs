using System.Globalization;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Org;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.ReviewPacks;

/// <summary>
/// The review pack: a draft self-review built only from the person's own log, with no model and no rewording. Every
/// line is one entry's own words, dated, with the entry it came from; the person unticks what to leave out; the pack
/// is theirs, and their manager may open a copy only after they press Share, without lines from private check-ins.
/// </summary>
public sealed class ReviewPackService(
    ICheckinStore checkins,
    IGoalStore goals,
    IFeedbackStore feedback,
    IReviewPackStore packs,
    IOrgDirectory directory,
    TimeProvider timeProvider)
{
    /// <summary>The most lines one pack offers: a card of ticks stays readable; a longer year is split by date range.</summary>
    public const int MaxEntries = 150;

    /// <summary>Everything in the period that could go in a pack, in section and date order.</summary>
    public async Task<IReadOnlyList<ReviewEntry>> EntriesAsync(string userId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await ReadLogAsync(userId, cancellationToken)).Entries(from, to);

    /// <summary>
    /// Stores the pack with the entries the person kept ticked (ids not in the period are ignored), and answers it as
    /// it reads, from the same read of the log.
    /// </summary>
    public async Task<ReviewPackView> BuildAsync(string userId, DateOnly from, DateOnly to, IReadOnlyCollection<string> ticked, CancellationToken cancellationToken)
    {
        var log = await ReadLogAsync(userId, cancellationToken);
        var keep = log.Entries(from, to).Where(e => ticked.Contains(e.Id)).Select(e => e.Id).ToList();
        var pack = new ReviewPack
        {
            UserId = userId, Id = Guid.NewGuid().ToString("N"), From = from, To = to, EntryIds = keep, CreatedAt = timeProvider.GetUtcNow(),
        };
        if (!await packs.TrySaveReviewPackAsync(pack, cancellationToken))
            throw new ConcurrencyConflictException($"Review pack {pack.Id} of {userId} already exists.");
        return await ViewAsync(pack, log, cancellationToken);
    }

    /// <summary>
    /// The pack as it reads now. The manager's copy exists only once it was shared with them, and leaves out every line
    /// from a private check-in. Null when there is no such pack (or no longer: deleted with the person's data).
    /// </summary>
    public async Task<ReviewPackView?> OpenAsync(string userId, string packId, bool forManager, CancellationToken cancellationToken)
    {
        if (await packs.FindReviewPackAsync(userId, packId, cancellationToken) is not { } pack || (forManager && pack.SharedAt is null))
            return null;
        var own = await ViewAsync(pack, await ReadLogAsync(userId, cancellationToken), cancellationToken);
        return forManager ? own.ManagersCopy() : own;
    }

    /// <summary>The person's own copy: the kept entries as the log has them now, and their sources.</summary>
    private async Task<ReviewPackView> ViewAsync(ReviewPack pack, PersonLog log, CancellationToken cancellationToken)
    {
        var kept = pack.EntryIds.ToHashSet(StringComparer.Ordinal);
        var entries = log.Entries(pack.From, pack.To).Where(e => kept.Contains(e.Id)).ToList();
        var name = (await directory.FindAsync(pack.UserId, cancellationToken))?.Name ?? "Your";
        return new ReviewPackView(pack, name, ForManager: false, entries, log.Sources(entries));
    }

    /// <summary>Shares the pack with the person's manager now; null when the directory lists no manager for them.</summary>
    public async Task<(ReviewPack Pack, string ManagerId)?> ShareAsync(string userId, string packId, CancellationToken cancellationToken)
    {
        if ((await directory.FindAsync(userId, cancellationToken))?.ManagerId is not { } managerId)
            return null;
        var shared = await OptimisticUpdate.RunAsync(
            () => packs.FindReviewPackAsync(userId, packId, cancellationToken),
            p => p is null ? null : p with { SharedAt = p.SharedAt ?? timeProvider.GetUtcNow(), SharedWithId = managerId },
            next => packs.TrySaveReviewPackAsync(next, cancellationToken),
            $"Review pack {packId} of {userId}");
        return shared is null ? null : (shared, managerId);
    }

    private async Task<PersonLog> ReadLogAsync(string userId, CancellationToken cancellationToken)
    {
        // Three independent reads: the wait is the slowest, not the sum.
        var checkinsRead = checkins.ListCheckinsAsync(userId, cancellationToken);
        var goalsRead = goals.ListGoalsAsync(userId, cancellationToken);
        var notesRead = feedback.ListNotesAsync(userId, cancellationToken);
        await Task.WhenAll(checkinsRead, goalsRead, notesRead);
        return new PersonLog(await checkinsRead, await goalsRead, await notesRead);
    }

    /// <summary>The person's log as read once: what can go in a pack, and the whole entries the lines come from.</summary>
    private sealed record PersonLog(IReadOnlyList<CheckinRecord> Checkins, IReadOnlyList<LearningGoal> Goals, IReadOnlyList<FeedbackNote> Notes)
    {
        public List<ReviewEntry> Entries(DateOnly from, DateOnly to)
        {
            bool In(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime) is var day && day >= from && day <= to;
            var entries = new List<ReviewEntry>();
            foreach (var record in Checkins.Where(r => In(r.CompletedAt)))
            {
                foreach (var answer in record.Answers)
                {
                    if (SectionOf(answer.Purpose) is not { } section || answer.Value is not TextAnswer { Value.Length: > 0 } text)
                        continue;
                    entries.Add(new ReviewEntry(EntryId(section, record, answer), section, record.CompletedAt, text.Value,
                        $"Check-in of {Day(record.CompletedAt)}: {answer.Prompt}", ReviewSourceKind.Checkin, record.CheckinId, !record.SharedWithManager));
                }
            }
            foreach (var goal in Goals)
            {
                var touched = new[] { goal.CreatedAt, goal.CompletedAt ?? DateTimeOffset.MinValue }.Concat(goal.History.Select(h => h.At)).Where(In).ToList();
                if (touched.Count > 0)
                {
                    var state = goal.Status == GoalStatus.Completed && goal.CompletedAt is { } done ? $"completed {Day(done)}" : $"{goal.Percent}% now";
                    entries.Add(new ReviewEntry($"g-{goal.Id}", ReviewSection.Goals, touched.Max(), goal.Title,
                        $"Learning goal set {Day(goal.CreatedAt)}, {state}", ReviewSourceKind.Goal, goal.Id, false));
                }
                foreach (var milestone in goal.Milestones.Where(m => m.DoneAt is { } at && In(at)))
                    entries.Add(new ReviewEntry($"m-{goal.Id}-{milestone.Id}", ReviewSection.Goals, milestone.DoneAt!.Value, milestone.Title,
                        $"Milestone of \"{goal.Title}\" reached {Day(milestone.DoneAt.Value)}", ReviewSourceKind.Goal, goal.Id, false));
            }
            foreach (var note in Notes.Where(n => In(n.CreatedAt)))
                entries.Add(new ReviewEntry($"f-{note.Id}", ReviewSection.Feedback, note.CreatedAt, note.Text,
                    $"{(note.IsPraise ? "Praise" : "Feedback")} from {note.FromName ?? "a colleague"}, {Day(note.CreatedAt)}", ReviewSourceKind.Feedback, note.Id, false));
            return [.. entries.OrderBy(e => e.Section).ThenBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)];
        }

        /// <summary>
        /// Each entry a line links to, in the order first linked, with what of it the pack keeps: a check-in's answers
        /// that are lines of the pack (an unticked answer of the same check-in stays out), a goal's details when the
        /// goal's own line is kept and the milestones that are.
        /// </summary>
        public List<ReviewSourceEntry> Sources(IReadOnlyCollection<ReviewEntry> lines)
        {
            var kept = lines.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            var sources = new List<ReviewSourceEntry>();
            foreach (var (kind, id) in lines.Select(e => (e.SourceKind, e.SourceId)).Distinct())
            {
                switch (kind)
                {
                    case ReviewSourceKind.Checkin when Checkins.FirstOrDefault(r => r.CheckinId == id) is { } record:
                        sources.Add(new ReviewSourceEntry(kind, id, $"Check-in of {Day(record.CompletedAt)} ({(record.SharedWithManager ? "shared with the manager" : "private")})",
                            record.CompletedAt, [.. record.Answers.Where(a => SectionOf(a.Purpose) is { } section && kept.Contains(EntryId(section, record, a))).Select(a => (a.Prompt, a.DisplayText))]));
                        break;
                    case ReviewSourceKind.Goal when Goals.FirstOrDefault(g => g.Id == id) is { } goal:
                        var details = kept.Contains($"g-{goal.Id}");
                        sources.Add(new ReviewSourceEntry(kind, id, $"Learning goal: {goal.Title}", goal.CreatedAt,
                        [
                            .. details && goal.Why is not null ? new[] { ("Why", goal.Why) } : [],
                            .. details && goal.Measure is not null ? new[] { ("How you'll know", goal.Measure) } : [],
                            .. details && goal.TargetDate is { } target ? new[] { ("Target", target.ToString("d MMM yyyy", CultureInfo.InvariantCulture)) } : [],
                            .. details ? new[] { ("Progress", $"{goal.Percent}%{(goal.Status == GoalStatus.Completed ? ", completed" : "")}") } : [],
                            .. details ? goal.History.Select(h => (Day(h.At), $"{h.Percent}%{(h.Note is { Length: > 0 } note ? ": " + note : "")}")) : [],
                            .. goal.Milestones.Where(m => kept.Contains($"m-{goal.Id}-{m.Id}")).Select(m => ("Milestone", $"{m.Title}, reached {Day(m.DoneAt!.Value)}")),
                        ]));
                        break;
                    case ReviewSourceKind.Feedback when Notes.FirstOrDefault(n => n.Id == id) is { } note:
                        sources.Add(new ReviewSourceEntry(kind, id, $"{(note.IsPraise ? "Praise" : "Feedback")} from {note.FromName ?? "a colleague"}", note.CreatedAt,
                            [(Day(note.CreatedAt), note.Text)]));
                        break;
                }
            }
            return sources;
        }

        private static string EntryId(ReviewSection section, CheckinRecord record, CheckinAnswer answer) => $"{Prefix(section)}-{record.CheckinId}-{answer.QuestionId}";

        private static ReviewSection? SectionOf(QuestionPurpose purpose) => purpose switch
        {
            QuestionPurpose.Win => ReviewSection.Wins,
            QuestionPurpose.NewGoalTitle or QuestionPurpose.Reflection => ReviewSection.Skills,
            QuestionPurpose.Blocker or QuestionPurpose.FeedbackRequest => ReviewSection.Next,
            _ => null,
        };

        private static string Prefix(ReviewSection section) => section switch
        {
            ReviewSection.Wins => "w",
            ReviewSection.Skills => "s",
            _ => "n",
        };
    }

    public static string Day(DateTimeOffset at) => at.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
