namespace CheckinBot.Core;

/// <summary>An optimistic-concurrency write kept losing races; the operation can be retried later.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
