namespace CheckinBot.Core.QuestionSets;

/// <summary>Question sets as stored, versioned data. A check-in records the version it was asked with.</summary>
public interface IQuestionSetStore
{
    /// <summary>The newest version of the set, or null when there is no such set.</summary>
    Task<QuestionSet?> FindLatestAsync(string questionSetId, CancellationToken cancellationToken);

    /// <summary>Stores a new version; false when that version already exists (versions are never overwritten).</summary>
    Task<bool> TryAddVersionAsync(QuestionSet questionSet, CancellationToken cancellationToken);

    /// <summary>The newest version of every set, retired ones included.</summary>
    Task<IReadOnlyList<QuestionSet>> ListLatestAsync(CancellationToken cancellationToken);
}
