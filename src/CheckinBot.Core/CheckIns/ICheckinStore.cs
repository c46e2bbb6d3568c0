using CheckinBot.Core.Goals;

namespace CheckinBot.Core.CheckIns;

/// <summary>
/// A person's check-in draft, finished check-ins and scheduling preferences. Writes are conditional on the version
/// that was read; false means someone else wrote first.
/// </summary>
public interface ICheckinStore
{
    Task<CheckinDraft?> FindDraftAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Inserts when <see cref="CheckinDraft.Version"/> is null, else replaces that version.</summary>
    Task<bool> TrySaveDraftAsync(CheckinDraft draft, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the unit of work in one transaction, all or nothing, so a crash or a race can neither lose nor double a
    /// check-in; false when the draft or a goal is no longer at its version.
    /// </summary>
    Task<bool> TryCompleteAsync(CheckinCompletion completion, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckinRecord>> ListCheckinsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The draft, preferences, finished check-ins and goals (each at its version) in one read of the person's log.</summary>
    Task<CheckinStartState> ReadStartStateAsync(string userId, CancellationToken cancellationToken);

    Task<CheckinPreferences?> FindPreferencesAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts when <see cref="CheckinPreferences.Version"/> is null, else replaces that version. A snooze is also
    /// written to an index (<see cref="ListOnHoldAsync"/>) once the preferences hold it.
    /// </summary>
    Task<bool> TrySavePreferencesAsync(CheckinPreferences preferences, CancellationToken cancellationToken);

    /// <summary>Everyone who ever snoozed and until when (past ones included: the reader compares), from the index.</summary>
    IAsyncEnumerable<PersonOnHold> ListOnHoldAsync(CancellationToken cancellationToken);
}
