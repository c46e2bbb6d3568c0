namespace CheckinBot.Core.Fatigue;

/// <summary>
/// Where one person stands with one cadence's adaptation: the form they are asked, how far the frequency stepped down,
/// the streaks that move it, and the last change (when, why: the signal's figures, never an answer).
/// </summary>
public sealed record AdaptationState
{
    public required string CadenceId { get; init; }
    public CheckinForm Form { get; init; }

    /// <summary>0: every occurrence; 1: every second; 2: every fourth.</summary>
    public int StepDown { get; init; }
    public int TiredInARow { get; init; }
    public int HealthyInARow { get; init; }

    /// <summary>The occurrence last read: a retried send decides the same way, and the streaks count each occurrence once.</summary>
    public string? LastOccurrenceId { get; init; }

    /// <summary>The last <see cref="FatigueReading.Window"/> occurrences they were asked: what the signal reads.</summary>
    public IReadOnlyList<AskedOccurrence> Asked { get; init; } = [];

    /// <summary>The person said <c>full check-ins</c>: no adaptation until they are tired again twice in a row after it.</summary>
    public bool FullByChoice { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Why the last change happened, in figures (who decided: the signal, or the person).</summary>
    public string? Why { get; init; }

    /// <summary>The last <see cref="RememberedChanges"/> changes, oldest first: when, to what, and why (never an answer).</summary>
    public IReadOnlyList<AdaptationChange> Changes { get; init; } = [];

    public const int RememberedChanges = 10;

    /// <summary>This state with its current form, step-down and reason recorded as a change at <paramref name="at"/>.</summary>
    public AdaptationState Recorded(DateTimeOffset at) => this with
    {
        ChangedAt = at,
        Changes = [.. Changes.TakeLast(RememberedChanges - 1), new AdaptationChange(at, Form, StepDown, Why ?? "")],
    };

    /// <summary>When they last came back to the full form on their own (two healthy readings): the recovery the metrics count.</summary>
    public DateTimeOffset? RecoveredAt { get; init; }

    /// <summary>How long a recovery is counted in the metrics (and keeps the person's row in the index).</summary>
    public static readonly TimeSpan RecoveryCountedFor = TimeSpan.FromDays(90);

    public bool IsAdapted => Form == CheckinForm.Light || StepDown > 0;

    public bool RecoveredSince(DateTimeOffset since) => !IsAdapted && RecoveredAt >= since;

    /// <summary>How they are asked, as the preview and <c>cadences</c> say it.</summary>
    public string Describe() => (Form == CheckinForm.Light ? "light form" : "full form") + StepDown switch
    {
        1 => ", every second week",
        2 => ", every fourth week",
        _ => "",
    };
}
