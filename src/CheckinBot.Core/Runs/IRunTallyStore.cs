namespace CheckinBot.Core.Runs;

/// <summary>Each finished chunk's counts by outcome, which a run's progress adds up.</summary>
public interface IRunTallyStore
{
    Task SaveTallyAsync(string runId, ChunkTally tally, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChunkTally>> ListTalliesAsync(string runId, CancellationToken cancellationToken);
}
