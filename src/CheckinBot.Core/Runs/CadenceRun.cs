namespace CheckinBot.Core.Runs;

/// <summary>A run of a cadence (HR's "run now"): planned into one <see cref="RunRecipient"/> per person of its audience.</summary>
public sealed record CadenceRun
{
    public required string RunId { get; init; }
    public required string CadenceId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Set once every recipient is written; until then the total is still growing.</summary>
    public DateTimeOffset? PlannedAt { get; init; }
    public int Total { get; init; }

    /// <summary>Chunks written so far: a journey's cycle planned again adds its newcomers in chunks after these.</summary>
    public int Chunks { get; init; }
    public string? Version { get; init; }
}
