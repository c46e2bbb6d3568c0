namespace CheckinBot.Core.Runs;

/// <summary>
/// A run's recipients, kept in chunks: a recipient belongs to one chunk of its run, a chunk is read and claimed in one
/// go, and a person is in a run at most once whichever chunk they were planned into.
/// </summary>
public interface IRunRecipientStore
{
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
}
