namespace CheckinBot.Core.Runs;

/// <summary>A queued piece of work with the handle that acknowledges it.</summary>
public sealed record QueuedWork(SendWork Work, string MessageId, string Receipt, long DequeueCount);
