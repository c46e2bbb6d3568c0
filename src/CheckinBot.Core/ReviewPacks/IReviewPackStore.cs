namespace CheckinBot.Core.ReviewPacks;

/// <summary>Review packs, kept in the person's own log (so <c>delete my data</c> erases them with it).</summary>
public interface IReviewPackStore
{
    Task<ReviewPack?> FindReviewPackAsync(string userId, string packId, CancellationToken cancellationToken);

    /// <summary>Insert (no version) or replace at its version; false when someone changed it first.</summary>
    Task<bool> TrySaveReviewPackAsync(ReviewPack pack, CancellationToken cancellationToken);
}
