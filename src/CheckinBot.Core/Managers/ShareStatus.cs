namespace CheckinBot.Core.Managers;

public enum ShareStatus
{
    /// <summary>Waiting to be summarised for the manager.</summary>
    Pending,

    /// <summary>The summary went out; never again.</summary>
    Sent,

    /// <summary>The person has no manager in the directory: nothing to send (HR sees them listed).</summary>
    NoManager,
}
