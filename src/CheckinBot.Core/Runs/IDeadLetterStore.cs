namespace CheckinBot.Core.Runs;

/// <summary>Recipients whose send failed for good, with the reason, kept for HR to see.</summary>
public interface IDeadLetterStore
{
    /// <summary>Keeps a recipient whose send failed for good, with its reason, in the dead-letter table.</summary>
    Task AddDeadLetterAsync(RunRecipient recipient, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecipient>> ListDeadLettersAsync(string runId, CancellationToken cancellationToken);
}
