namespace CheckinBot.Core.Cadences;

/// <summary>Cadence definitions, with optimistic concurrency (false = someone else wrote first, or the id is taken).</summary>
public interface ICadenceStore
{
    Task<IReadOnlyList<Cadence>> ListAsync(CancellationToken cancellationToken);

    Task<Cadence?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts when <see cref="Cadence.Version"/> is null (false if the id exists), else replaces that version.</summary>
    Task<bool> TrySaveAsync(Cadence cadence, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
