namespace CheckinBot.Core.CheckIns;

/// <summary>
/// Someone who snoozed their check-ins or said they are away, and until when: an index beside their preferences, which
/// stay the truth, so a preview of a whole audience reads it in one query.
/// </summary>
public sealed record PersonOnHold(string UserId, DateTimeOffset? SnoozedUntil, DateTimeOffset? AwayUntil);
