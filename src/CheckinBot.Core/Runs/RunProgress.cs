namespace CheckinBot.Core.Runs;

/// <summary>What <c>GET /api/admin/runs/{runId}</c> answers.</summary>
public sealed record RunProgress(int Total, int Sent, int Failed, int Unreachable, int Skipped, int Pending, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt)
{
    /// <summary>Of <see cref="Pending"/>: people who snoozed, sent the check-in when their snooze ends.</summary>
    public int Snoozed { get; init; }

    /// <summary>
    /// Sent, but Teams' answer was lost (timeout, 502, 504, reset), so it may not have arrived; not counted in
    /// <see cref="Sent"/>, never sent again, covered by the cadence's reminders.
    /// </summary>
    public int Unconfirmed { get; init; }

    /// <summary>Not asked: away until past the occurrence's answer window. Not in <see cref="Skipped"/>, never "missed".</summary>
    public int Away { get; init; }

    /// <summary>Of <see cref="Pending"/>: people away, asked in their first working hour back.</summary>
    public int HeldAway { get; init; }
}
