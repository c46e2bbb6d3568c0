namespace CheckinBot.Core.Org;

/// <summary>The cached org chart that <see cref="IOrgDirectory"/> reads, and the sync token that keeps it current.</summary>
public interface IOrgChartStore
{
    Task<string?> FindSyncTokenAsync(CancellationToken cancellationToken);

    /// <summary>The people of <paramref name="ids"/> as cached now (never looked up at the source), by id, any case.</summary>
    Task<IReadOnlyDictionary<string, Person>> FindManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    Task SaveSyncTokenAsync(string? token, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a page of changes. Idempotent, so a sync interrupted at any point can simply run again.
    /// <paramref name="before"/> is how the changed people are cached now (<see cref="FindManyAsync"/>; empty on the first
    /// sync, when nothing is cached yet), so their index rows can be moved.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<PersonChange> changes, IReadOnlyDictionary<string, Person> before, CancellationToken cancellationToken);
}
