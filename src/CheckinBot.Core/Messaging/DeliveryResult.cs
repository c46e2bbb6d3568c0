namespace CheckinBot.Core.Messaging;

/// <param name="MessageId">The channel's id of the sent message, so it can be updated later.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? MessageId = null, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public bool IsSent => Outcome == DeliveryOutcome.Sent;
}
