namespace CheckinBot.Core.GrowthLog;

/// <summary>
/// Erasures in progress, noted before the first row goes: an erasure cut short by a crash or a fault is found and
/// finished, never left half done and never reported as "nothing changed".
/// </summary>
public interface IErasureJournal
{
    Task BeginAsync(string userId, CancellationToken cancellationToken);

    Task CompleteAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Erasures begun before <paramref name="before"/> and not completed.</summary>
    Task<IReadOnlyList<string>> ListUnfinishedAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
