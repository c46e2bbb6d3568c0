namespace CheckinBot.Core.ReviewPacks;

/// <summary>
/// A review pack the person built: the period and the entries they kept ticked. Only the choice is stored; the lines are
/// read from the log whenever the pack is opened, so an entry deleted since (or the whole log, by <c>delete my data</c>)
/// is gone from it too.
/// </summary>
public sealed record ReviewPack
{
    public required string UserId { get; init; }
    public required string Id { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required IReadOnlyList<string> EntryIds { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When they pressed Share: the manager may open their copy from then.</summary>
    public DateTimeOffset? SharedAt { get; init; }
    public string? SharedWithId { get; init; }
    public string? Version { get; init; }
}
