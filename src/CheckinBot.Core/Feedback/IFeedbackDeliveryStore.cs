namespace CheckinBot.Core.Feedback;

/// <summary>
/// The delivery state of each feedback request and piece of feedback (written with the item by <see cref="IFeedbackStore"/>),
/// claimed and recorded by its sender.
/// </summary>
public interface IFeedbackDeliveryStore
{
    Task<FeedbackDelivery?> FindDeliveryAsync(string ownerId, string itemId, CancellationToken cancellationToken);

    /// <summary>Replaces the delivery at its version; false when someone else wrote first (or it is gone).</summary>
    Task<bool> TrySaveDeliveryAsync(FeedbackDelivery delivery, CancellationToken cancellationToken);
}
