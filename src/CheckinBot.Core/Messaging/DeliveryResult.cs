namespace CheckinBot.Core.Messaging;

/// <param name="MessageId">The channel's id of the sent message, so it can be updated later.</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? MessageId = null, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public bool IsSent => Outcome == DeliveryOutcome.Sent;

    /// <summary>Sent, or possibly sent (unconfirmed): either way it must not be sent again.</summary>
    public bool MayHaveArrived => Outcome is DeliveryOutcome.Sent or DeliveryOutcome.Unconfirmed;

    /// <summary>
    /// How long to wait before trying a message that was not sent again: what the channel asked for, an hour for someone
    /// not reachable yet (they may install the app), otherwise doubling per attempt up to an hour.
    /// </summary>
    public TimeSpan RetryPause(int attempts) =>
        RetryAfter ?? (Outcome == DeliveryOutcome.Unreachable ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts))));
}
