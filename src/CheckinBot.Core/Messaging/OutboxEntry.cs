namespace CheckinBot.Core.Messaging;

/// <summary>
/// A pointer to work still to do (<see cref="IDeliveryOutbox"/>): the item lives in its owner's log
/// (<paramref name="OwnerId"/>: the person, or the run for a run's chunk), where its sender claims it and records the outcome.
/// </summary>
/// <param name="NotedAt">Noted just before the item's own write, so an entry may precede a write that then failed.</param>
public sealed record OutboxEntry(OutboxKind Kind, string OwnerId, string ItemId, DateTimeOffset NotedAt)
{
    /// <summary>How long a sender owns a claimed item before another may retry it (only a crash lets a claim run out).</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>An entry whose item is still missing this long after it was noted belongs to a write that never committed.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>The most entries one sweep reads: anything beyond waits for the next sweep.</summary>
    public const int SweepSize = 100;
}
