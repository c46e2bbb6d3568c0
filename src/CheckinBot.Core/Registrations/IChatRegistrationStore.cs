namespace CheckinBot.Core.Registrations;

/// <summary>Persists chat registrations with optimistic concurrency.</summary>
public interface IChatRegistrationStore
{
    Task<ChatRegistration?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the registration when <see cref="ChatRegistration.Version"/> is null, otherwise replaces it only if the
    /// stored version still matches. Returns false when someone else wrote first; the caller re-reads and retries.
    /// </summary>
    Task<bool> TrySaveAsync(ChatRegistration registration, CancellationToken cancellationToken);

    /// <summary>Everyone registered, streamed page by page (a preview of a whole cadence reads them once, not per person).</summary>
    IAsyncEnumerable<RegisteredPerson> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Removes the registration; false when there was none.</summary>
    Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken);
}
