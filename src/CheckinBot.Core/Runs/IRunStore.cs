namespace CheckinBot.Core.Runs;

/// <summary>
/// Runs and their recipients, kept in chunks: a recipient belongs to one chunk of its run, a chunk is read and claimed in
/// one go, and a person is in a run at most once whichever chunk they were planned into.
/// </summary>
public interface IRunStore
{
    Task<bool> TryAddRunAsync(CadenceRun run, CancellationToken cancellationToken);

    Task<CadenceRun?> FindRunAsync(string runId, CancellationToken cancellationToken);

    Task<bool> TrySaveRunAsync(CadenceRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Adds recipients to a chunk, each person only if the run does not have them yet. Returns the chunks that need
    /// sending for these people: this one when anyone was added, and the chunks that already held the others (a
    /// replanned run re-queues them, so a crash between writing and queueing strands nobody).
    /// </summary>
    Task<IReadOnlySet<int>> AddChunkAsync(string runId, int chunk, IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecipient>> ListChunkAsync(string runId, int chunk, CancellationToken cancellationToken);

    /// <summary>Saves recipients of one chunk together, each at its version: all of them (with new versions) or, when any changed meanwhile, none (null).</summary>
    Task<IReadOnlyList<RunRecipient>?> TrySaveChunkAsync(IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken);

    /// <summary>Saves one recipient at its version; returns its new version, or null when it changed meanwhile.</summary>
    Task<string?> TrySaveRecipientAsync(RunRecipient recipient, CancellationToken cancellationToken);

    Task<RunRecipient?> FindRecipientAsync(string runId, string userId, CancellationToken cancellationToken);

    /// <summary>Remembers the cadence's latest run (what HR's list shows the progress of).</summary>
    Task SaveLatestRunAsync(string cadenceId, string runId, CancellationToken cancellationToken);

    Task<string?> FindLatestRunIdAsync(string cadenceId, CancellationToken cancellationToken);

    /// <summary>The cadence's newest "run now" run (scheduled cycles are not counted), with its version.</summary>
    Task<LatestRun?> FindLatestRunNowAsync(string cadenceId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="runId"/> the cadence's newest "run now" only if that is still <paramref name="expected"/>
    /// (null: never run by hand), so two starts that raced cannot both win.
    /// </summary>
    Task<bool> TrySaveLatestRunNowAsync(string cadenceId, string runId, LatestRun? expected, CancellationToken cancellationToken);

    /// <summary>Removes a run that was never planned (a start that lost the race to be the latest).</summary>
    Task DeleteUnplannedRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Keeps a recipient whose send failed for good, with its reason, in the dead-letter table.</summary>
    Task AddDeadLetterAsync(RunRecipient recipient, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecipient>> ListDeadLettersAsync(string runId, CancellationToken cancellationToken);

    Task SaveTallyAsync(string runId, ChunkTally tally, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChunkTally>> ListTalliesAsync(string runId, CancellationToken cancellationToken);
}
