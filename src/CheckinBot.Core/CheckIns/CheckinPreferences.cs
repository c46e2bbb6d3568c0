namespace CheckinBot.Core.CheckIns;

/// <summary>What the person asked of scheduled check-ins: snoozed until a time, this cycle skipped, or away until a day.</summary>
public sealed record CheckinPreferences
{
    public const int RememberedSkips = 20;
    public const int RememberedSnoozes = 8;

    public required string UserId { get; init; }
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>
    /// They said they are away (<c>away until 12 Jan</c>) until this instant, the start of their day back in their own
    /// zone: nothing is sent before it (Away/SendTimeRule).
    /// </summary>
    public DateTimeOffset? AwayUntil { get; init; }

    /// <summary>When they last snoozed (the newest <see cref="RememberedSnoozes"/>): part of the fatigue signal.</summary>
    public IReadOnlyList<DateTimeOffset> RecentSnoozes { get; init; } = [];

    /// <summary>Per cadence that adapts to fatigue: the form they are asked and why (Fatigue/FatigueService).</summary>
    public IReadOnlyList<Fatigue.AdaptationState> Adaptations { get; init; } = [];

    /// <summary>"skip" with no scheduled check-in open: the next one is skipped.</summary>
    public bool SkipNextScheduled { get; init; }
    public IReadOnlyList<string> SkippedOccurrenceIds { get; init; } = [];
    public string? Version { get; init; }

    public CheckinPreferences Skip(string occurrenceId) => this with
    {
        SkipNextScheduled = false,
        SkippedOccurrenceIds = [.. SkippedOccurrenceIds.Where(o => o != occurrenceId).TakeLast(RememberedSkips - 1), occurrenceId],
    };
}

public enum ScheduledStartOutcome
{
    /// <summary>A new check-in was started, or the open draft continued: send <see cref="ScheduledStart.Turn"/>.</summary>
    Started,

    /// <summary>The person snoozed; try again after <see cref="ScheduledStart.SnoozedUntil"/>.</summary>
    Snoozed,

    /// <summary>The person skipped this cycle.</summary>
    Skipped,

    /// <summary>This occurrence was already answered: never ask twice.</summary>
    AlreadyDone,

    /// <summary>
    /// A "run now" found the person with this cadence's check-in already open (from its current cycle or an earlier
    /// run): they are not sent the question again.
    /// </summary>
    AlreadyOpen,
}

public sealed record ScheduledStart(ScheduledStartOutcome Outcome, CheckinTurn? Turn = null, DateTimeOffset? SnoozedUntil = null);
