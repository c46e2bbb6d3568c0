using System.Globalization;
using CheckinBot.Core.Insights.Events.GoalChanged;

namespace CheckinBot.Core.Goals;

/// <summary>Learning goals outside the check-in: add, list.</summary>
public sealed class GoalService(IGoalStore store, Insights.Events.IMetricsOutbox outbox, TimeProvider timeProvider)
{
    public const int MaxTextLength = 1000;
    public const int MaxMilestones = 10;

    public async Task<IReadOnlyList<LearningGoal>> ListAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await store.ListGoalsAsync(userId, cancellationToken)).OrderBy(g => g.Status).ThenBy(g => g.CreatedAt)];

    /// <summary>Validates and adds a goal. Returns the goal, or the field and message to show next to the input.</summary>
    public async Task<(LearningGoal? Goal, string? Field, string? Error)> AddAsync(
        string userId, string? title, string? why, string? measure, string? targetDate, string? milestones, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        title = title?.Trim();
        if (string.IsNullOrEmpty(title))
            return (null, "title", "Give the goal a title, e.g. \"Give a conference talk by June\".");
        if (title.Length > LearningGoal.MaxTitleLength)
            return (null, "title", $"Keep the title under {LearningGoal.MaxTitleLength} characters.");
        if ((why?.Length ?? 0) > MaxTextLength || (measure?.Length ?? 0) > MaxTextLength)
            return (null, (why?.Length ?? 0) > MaxTextLength ? "why" : "measure", $"Keep it under {MaxTextLength} characters.");
        DateOnly? target = null;
        if (!string.IsNullOrWhiteSpace(targetDate))
        {
            if (!DateOnly.TryParseExact(targetDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return (null, "targetDate", "Use a date like 2027-06-30.");
            if (parsed < DateOnly.FromDateTime(now.UtcDateTime))
                return (null, "targetDate", "The target date is in the past.");
            target = parsed;
        }

        var steps = (milestones ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (steps.Length > MaxMilestones)
            return (null, "milestones", $"Up to {MaxMilestones} milestones, one per line.");
        if (steps.Any(m => m.Length > LearningGoal.MaxTitleLength))
            return (null, "milestones", $"Keep each milestone under {LearningGoal.MaxTitleLength} characters.");

        if ((await store.ListGoalsAsync(userId, cancellationToken)).Count(g => g.Status == GoalStatus.Active) >= LearningGoal.MaxActive)
            return (null, "title", $"You have {LearningGoal.MaxActive} active goals already; complete or archive one first, so check-ins stay short.");
        var goal = NewGoal(userId, title, now) with
        {
            Why = Blank(why),
            Measure = Blank(measure),
            TargetDate = target,
            Milestones = [.. steps.Select((m, i) => new GoalMilestone($"m{i + 1}", m))],
        };
        await NoteChangesAsync(null, goal, cancellationToken);
        return await store.TrySaveGoalAsync(goal, cancellationToken)
            ? (goal, null, null)
            : throw new ConcurrencyConflictException($"Goal id {goal.Id} already exists.");
    }

    /// <summary>Records progress outside a check-in. Returns the goal, or an error to show beside the input.</summary>
    public async Task<(LearningGoal? Goal, string? Error)> UpdateProgressAsync(
        string userId, string goalId, string? percent, string? note, CancellationToken cancellationToken)
    {
        if (!int.TryParse(percent?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 100)
            return (null, "Progress is a number from 0 to 100.");
        if ((note?.Length ?? 0) > MaxTextLength)
            return (null, $"Keep the note under {MaxTextLength} characters.");
        var goal = await UpdateAsync(userId, goalId, g => g.WithProgress(value, Blank(note), timeProvider.GetUtcNow()), cancellationToken);
        return goal is null ? (null, "That goal no longer exists.") : (goal, null);
    }

    /// <summary>Ticks a milestone (once: ticking it again keeps the first date); null when the goal is gone.</summary>
    public Task<LearningGoal?> TickMilestoneAsync(string userId, string goalId, string milestoneId, CancellationToken cancellationToken) =>
        UpdateAsync(userId, goalId, g => g.TickMilestone(milestoneId, timeProvider.GetUtcNow()), cancellationToken);

    /// <summary>Marks a goal completed or archived; null when it no longer exists.</summary>
    public Task<LearningGoal?> SetStatusAsync(string userId, string goalId, GoalStatus status, CancellationToken cancellationToken) =>
        UpdateAsync(userId, goalId, g => status == GoalStatus.Completed
            ? g.WithProgress(100, null, timeProvider.GetUtcNow())
            : g with { Status = status }, cancellationToken);

    private Task<LearningGoal?> UpdateAsync(string userId, string goalId, Func<LearningGoal, LearningGoal> change, CancellationToken cancellationToken)
    {
        LearningGoal? current = null;
        return OptimisticUpdate.RunAsync(
            async () => current = (await store.ListGoalsAsync(userId, cancellationToken)).FirstOrDefault(g => g.Id == goalId),
            goal => goal is null ? null : change(goal),
            async next =>
            {
                await NoteChangesAsync(current, next, cancellationToken);
                return await store.TrySaveGoalAsync(next, cancellationToken);
            },
            $"Goal {goalId}");
    }

    /// <summary>Milestones reached, goals made and completed count in the metrics: noted before the write, counted once it is there.</summary>
    private async Task NoteChangesAsync(LearningGoal? before, LearningGoal after, CancellationToken cancellationToken)
    {
        foreach (var change in GoalChanged.Between(before, after))
            await outbox.NoteAsync(change, cancellationToken);
    }

    internal static LearningGoal NewGoal(string userId, string title, DateTimeOffset now) => new()
    {
        UserId = userId,
        Id = Guid.CreateVersion7(now).ToString("N"),
        Title = title.Trim(),
        CreatedAt = now,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
