namespace CheckinBot.Core.Messaging;

/// <summary>Where a message delivered outside a turn stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not sent yet (or not sent the last time: it is retried).</summary>
    Pending,

    /// <summary>Teams accepted it; never again.</summary>
    Sent,

    /// <summary>Sent, and Teams' answer was lost (timeout, 502, 504, reset): it may have arrived, so never again.</summary>
    Unconfirmed,
}
