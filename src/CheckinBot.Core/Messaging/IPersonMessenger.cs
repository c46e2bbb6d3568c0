namespace CheckinBot.Core.Messaging;

/// <summary>Sends a message to a person (by Entra object id) in their personal chat with the bot.</summary>
public interface IPersonMessenger
{
    /// <param name="budget">
    /// When given (bulk sends), every call to Teams first takes a slot of it and a 429 pauses it; a person who cannot be
    /// reached without calling Teams costs no slot.
    /// </param>
    Task<DeliveryResult> SendAsync(string userId, OutboundMessage message, IRateBudget? budget, CancellationToken cancellationToken);
}
