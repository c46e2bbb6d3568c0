namespace CheckinBot.Core.Handovers;

/// <summary>The org sync saw a person's manager change: from <see cref="FormerManagerId"/> (or nobody) to <see cref="NewManagerId"/>.</summary>
public sealed record ManagerChange(string PersonId, string? FormerManagerId, string NewManagerId);
