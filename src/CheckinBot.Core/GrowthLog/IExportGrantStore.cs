namespace CheckinBot.Core.GrowthLog;

/// <summary>
/// A random value kept in the person's own log that every export link of theirs must match. Erasing the log removes
/// it, so every link issued before, even a moment before, stops working.
/// </summary>
public interface IExportGrantStore
{
    Task<string> GetOrCreateAsync(string userId, CancellationToken cancellationToken);

    Task<string?> FindAsync(string userId, CancellationToken cancellationToken);
}
