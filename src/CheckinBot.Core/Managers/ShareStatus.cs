namespace CheckinBot.Core.Managers;

public enum ShareStatus
{
    /// <summary>Waiting to be summarised for the manager.</summary>
    Pending,

    /// <summary>The summary went out; never again.</summary>
    Sent,

    /// <summary>The person has no manager in the directory: nothing to send (HR sees them listed).</summary>
    NoManager,

    /// <summary>Sent, and Teams' answer was lost (timeout, 502, 504, reset): it may have arrived, so never again.</summary>
    Unconfirmed,
}
