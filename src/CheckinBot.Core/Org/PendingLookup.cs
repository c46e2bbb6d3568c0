namespace CheckinBot.Core.Org;

/// <summary>A lookup under way: <see cref="Done"/> completes when it has an outcome; it began at <see cref="StartedAt"/>.</summary>
public readonly record struct PendingLookup(Task Done, DateTimeOffset StartedAt);
