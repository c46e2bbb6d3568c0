namespace CheckinBot.Core.Org;

/// <summary>The cached org chart that <see cref="IOrgDirectory"/> reads, and the sync token that keeps it current.</summary>
public interface IOrgChartStore
{
    Task<string?> FindSyncTokenAsync(CancellationToken cancellationToken);

    /// <summary>A person as cached now (never looked up at the source).</summary>
    Task<Person?> FindAsync(string personId, CancellationToken cancellationToken);

    Task SaveSyncTokenAsync(string? token, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a page of changes. Idempotent, so a sync interrupted at any point can simply run again. On the
    /// <paramref name="firstSync"/> nothing is cached yet, so the previous state of each person need not be read.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<PersonChange> changes, bool firstSync, CancellationToken cancellationToken);
}
