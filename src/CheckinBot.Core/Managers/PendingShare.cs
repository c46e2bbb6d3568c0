namespace CheckinBot.Core.Managers;

/// <summary>An entry on the pending list: noted just before the check-in's transaction, so it may precede its commit.</summary>
public sealed record PendingShare(string UserId, string CheckinId, DateTimeOffset NotedAt);
