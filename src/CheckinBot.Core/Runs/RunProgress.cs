namespace CheckinBot.Core.Runs;

/// <summary>What <c>GET /api/admin/runs/{runId}</c> answers.</summary>
public sealed record RunProgress(int Total, int Sent, int Failed, int Unreachable, int Skipped, int Pending, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    /// <summary>Of <see cref="Pending"/>: people who snoozed, sent the check-in when their snooze ends.</summary>
    public int Snoozed { get; init; }
}
