namespace CheckinBot.Core.Messaging;

/// <summary>Sends a message to a person (by Entra object id) in their personal chat with the bot.</summary>
public interface IPersonMessenger
{
    Task<DeliveryResult> SendAsync(string userId, OutboundMessage message, CancellationToken cancellationToken);
}
