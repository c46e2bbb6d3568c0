namespace CheckinBot.Core.Messaging;

/// <summary>
/// Sends a message to a person (by Entra object id) in their personal chat with the bot. Every call it makes to the
/// channel is paced by the deployment's shared budget (the channel's concern, not the caller's).
/// </summary>
public interface IPersonMessenger
{
    Task<DeliveryResult> SendAsync(string userId, OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Why a send to the person cannot work, as far as is known without calling the channel (never installed, blocked,
    /// erased their data); null when a send is worth trying. Lets a caller write nothing for people it cannot reach.
    /// </summary>
    Task<DeliveryResult?> EnsureReachableAsync(string userId, CancellationToken cancellationToken);
}
