namespace CheckinBot.Core.Feedback;

/// <summary>Feedback notes and requests. Writes are conditional (false = someone else wrote first, or it already exists).</summary>
public interface IFeedbackStore
{
    /// <summary>
    /// Stores a note in the recipient's log and, in the same transaction, marks the request it answers (at its
    /// version) as answered, and its <paramref name="delivery"/>: the text is never lost, a request is never answered
    /// twice, and a stored note is always on its way.
    /// </summary>
    Task<bool> TryAddNoteAsync(FeedbackNote note, FeedbackAsk? answered, FeedbackDelivery delivery, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackNote>> ListNotesAsync(string userId, CancellationToken cancellationToken);

    Task<FeedbackNote?> FindNoteAsync(string userId, string noteId, CancellationToken cancellationToken);

    Task<bool> TrySaveNoteAsync(FeedbackNote note, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a request with its <paramref name="delivery"/> (none when another message carries it) and indexes it for
    /// the person asked; false when that id exists.
    /// </summary>
    Task<bool> TryAddAskAsync(FeedbackAsk ask, FeedbackDelivery? delivery, CancellationToken cancellationToken);

    Task<FeedbackAsk?> FindAskAsync(string requesterId, string askId, CancellationToken cancellationToken);

    Task<bool> TrySaveAskAsync(FeedbackAsk ask, CancellationToken cancellationToken);

    /// <summary>The requester's own requests, open and answered.</summary>
    Task<IReadOnlyList<FeedbackAsk>> ListAsksByAsync(string requesterId, CancellationToken cancellationToken);

    /// <summary>Open requests waiting for <paramref name="askedUserId"/>.</summary>
    Task<IReadOnlyList<FeedbackAsk>> ListOpenAsksForAsync(string askedUserId, CancellationToken cancellationToken);

    /// <summary>Every open request (for nudges).</summary>
    Task<IReadOnlyList<FeedbackAsk>> ListOpenAsksAsync(int max, CancellationToken cancellationToken);
}
