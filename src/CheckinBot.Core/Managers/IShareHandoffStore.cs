namespace CheckinBot.Core.Managers;

/// <summary>Shared check-ins waiting for (or done with) their manager summary; the outbox says which are due.</summary>
public interface IShareHandoffStore
{
    Task<ShareHandoff?> FindAsync(string userId, string checkinId, CancellationToken cancellationToken);

    /// <summary>Replaces the hand-off at its version; false when someone else wrote first.</summary>
    Task<bool> TrySaveAsync(ShareHandoff handoff, CancellationToken cancellationToken);
}
