namespace CheckinBot.Core.Runs;

/// <summary>
/// Runs, and each cadence's latest run. Their recipients, tallies and dead letters have ports of their own
/// (<see cref="IRunRecipientStore"/>, <see cref="IRunTallyStore"/>, <see cref="IDeadLetterStore"/>).
/// </summary>
public interface IRunStore
{
    Task<bool> TryAddRunAsync(CadenceRun run, CancellationToken cancellationToken);

    Task<CadenceRun?> FindRunAsync(string runId, CancellationToken cancellationToken);

    Task<bool> TrySaveRunAsync(CadenceRun run, CancellationToken cancellationToken);

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
}
