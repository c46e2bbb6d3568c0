namespace CheckinBot.Core.Runs;

/// <summary>Runs and their recipients. Recipient writes are conditional (false = someone else wrote first / it exists).</summary>
public interface IRunStore
{
    Task<bool> TryAddRunAsync(CadenceRun run, CancellationToken cancellationToken);

    Task<CadenceRun?> FindRunAsync(string runId, CancellationToken cancellationToken);

    Task<bool> TrySaveRunAsync(CadenceRun run, CancellationToken cancellationToken);

    /// <summary>Adds recipients that are not there yet (a replanned run keeps the ones it has); returns how many are new.</summary>
    Task<int> AddRecipientsAsync(IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken);

    Task<RunRecipient?> FindRecipientAsync(string runId, string userId, CancellationToken cancellationToken);

    Task<bool> TrySaveRecipientAsync(RunRecipient recipient, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecipient>> ListRecipientsAsync(string runId, CancellationToken cancellationToken);
}
