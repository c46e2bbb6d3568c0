namespace CheckinBot.Core.Goals;

public enum GoalStatus
{
    Active,
    Completed,
    Archived,
}

/// <summary>One recorded step of progress, kept so that a goal's history can be shown and exported.</summary>
public sealed record GoalProgressEntry(DateTimeOffset At, int Percent, string? Note);

/// <summary>A step on the way to a goal; <see cref="DoneAt"/> is set when the person ticks it.</summary>
public sealed record GoalMilestone(string Id, string Title, DateTimeOffset? DoneAt = null);

/// <summary>A SMART-guided learning goal that belongs to the employee.</summary>
public sealed record LearningGoal
{
    public const int MaxTitleLength = 200;

    /// <summary>Active goals a person may have at once: each is a question in every check-in.</summary>
    public const int MaxActive = 20;

    /// <summary>Progress updates kept on the goal itself; every update is also stored on its own (IGoalStore).</summary>
    public const int RecentHistory = 10;

    public required string UserId { get; init; }
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Why it matters, or the skill gap it closes.</summary>
    public string? Why { get; init; }

    /// <summary>How success will be measured.</summary>
    public string? Measure { get; init; }
    public DateOnly? TargetDate { get; init; }
    public int Percent { get; init; }
    public IReadOnlyList<GoalMilestone> Milestones { get; init; } = [];
    public GoalStatus Status { get; init; } = GoalStatus.Active;
    /// <summary>The latest updates (at most <see cref="RecentHistory"/> as stored); the export has them all.</summary>
    public IReadOnlyList<GoalProgressEntry> History { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? Version { get; init; }

    /// <summary>Ticks a milestone once: ticking it again keeps the first date.</summary>
    public LearningGoal TickMilestone(string milestoneId, DateTimeOffset at) => this with
    {
        Milestones = [.. Milestones.Select(m => m.Id == milestoneId && m.DoneAt is null ? m with { DoneAt = at } : m)],
    };

    /// <summary>Records progress; reaching 100 % completes the goal.</summary>
    public LearningGoal WithProgress(int percent, string? note, DateTimeOffset at) => this with
    {
        Percent = percent,
        History = [.. History, new GoalProgressEntry(at, percent, note)],
        Status = percent >= 100 ? GoalStatus.Completed : Status,
        CompletedAt = percent >= 100 ? CompletedAt ?? at : CompletedAt,
    };
}
