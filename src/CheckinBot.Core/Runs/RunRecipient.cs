namespace CheckinBot.Core.Runs;

/// <summary>
/// One person of one run: created once (its key is run × person), claimed with a conditional write before the send,
/// and given its outcome after. A recorded <see cref="RecipientStatus.Sent"/> is never sent again.
/// </summary>
public sealed record RunRecipient
{
    /// <summary>The reason on a recipient who snoozed: still pending, due again when the snooze ends.</summary>
    public const string SnoozedReason = "Snoozed";

    /// <summary>The reason on a recipient held while away: still pending, asked in their first working hour back.</summary>
    public const string AwayReason = "Away";

    /// <summary>Outside their working hours when it was worked on late: still pending, sent at their next working hour.</summary>
    public const string OutsideWorkingHoursReason = "OutsideWorkingHours";

    public required string RunId { get; init; }
    public required string UserId { get; init; }
    public required string OccurrenceId { get; init; }

    /// <summary>The chunk of the run it was planned into: the unit that is queued, claimed and tallied together.</summary>
    public int Chunk { get; init; }

    /// <summary>When the person is due (their local send time); null = at once ("run now").</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The due time before it was first postponed (snoozed, away): the occurrence's own, which its answer window counts from.</summary>
    public DateTimeOffset? FirstDueAt { get; init; }

    /// <summary>The person's IANA zone when planned (reminders keep to their working hours); null = the cadence's.</summary>
    public string? TimeZone { get; init; }
    public RecipientStatus Status { get; init; }
    public DateTimeOffset? ClaimedUntil { get; init; }
    public int Attempts { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>How many of the cadence's reminders have been dealt with (sent, or found unnecessary).</summary>
    public int Reminded { get; init; }

    /// <summary>When the last reminder was dealt with: the next one comes the policy's hours after it.</summary>
    public DateTimeOffset? RemindedAt { get; init; }
    public string? Version { get; init; }

    public bool IsDone => Status != RecipientStatus.Pending;

    public bool IsSnoozed => !IsDone && Reason == SnoozedReason;

    public bool IsHeldAway => !IsDone && Reason == AwayReason;

    /// <summary>Pending only for a reason of the person's own (snoozed, away): the chunk's others are tallied meanwhile.</summary>
    public bool IsWaitingOnPerson => IsSnoozed || IsHeldAway;
}
