namespace CheckinBot.Core.Messaging;

public enum DeliveryOutcome
{
    Sent,

    /// <summary>The channel asked us to slow down; try again after <see cref="DeliveryResult.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>The person cannot be reached (bot not installed, blocked, chat gone); <see cref="DeliveryResult.Reason"/> says why.</summary>
    Unreachable,

    /// <summary>
    /// The message left and the channel's answer was lost (timeout, gateway error, reset): it may have arrived. Never
    /// sent again; recorded as sent, unconfirmed.
    /// </summary>
    Unconfirmed,

    /// <summary>A transient failure after the channel's own retries; try again later.</summary>
    Failed,
}
