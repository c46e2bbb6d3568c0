namespace CheckinBot.Core.Messaging;

/// <param name="MessageId">The channel's id of the sent message, so it can be updated later.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? MessageId = null, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public bool IsSent => Outcome == DeliveryOutcome.Sent;

    /// <summary>Sent, or possibly sent (unconfirmed): either way it must not be sent again.</summary>
    public bool MayHaveArrived => Outcome is DeliveryOutcome.Sent or DeliveryOutcome.Unconfirmed;
}
