namespace CheckinBot.Core.CheckIns;

/// <summary>Someone who snoozed their check-ins, and until when (an index beside their preferences, which stay the truth).</summary>
public sealed record SnoozedPerson(string UserId, DateTimeOffset Until);
