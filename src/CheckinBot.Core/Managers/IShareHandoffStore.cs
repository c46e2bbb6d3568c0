namespace CheckinBot.Core.Managers;

/// <summary>Shared check-ins waiting for (or done with) their manager summary.</summary>
public interface IShareHandoffStore
{
    /// <summary>Hand-offs still to deliver, oldest first, across everyone (what a crash may have left behind).</summary>
    Task<IReadOnlyList<PendingShare>> ListPendingAsync(int max, CancellationToken cancellationToken);

    Task<ShareHandoff?> FindAsync(string userId, string checkinId, CancellationToken cancellationToken);

    /// <summary>Replaces the hand-off at its version; false when someone else wrote first.</summary>
    Task<bool> TrySaveAsync(ShareHandoff handoff, CancellationToken cancellationToken);

    /// <summary>Takes the hand-off off the pending list (it is done, or its check-in never committed).</summary>
    Task ForgetPendingAsync(string userId, string checkinId, CancellationToken cancellationToken);
}
