namespace CheckinBot.Core.Messaging;

/// <summary>Who goes first when calls to the channel wait for the shared budget.</summary>
public enum SendPriority
{
    /// <summary>Someone is waiting for it (a summary, feedback, a nudge): served before bulk work, so a large run never starves it.</summary>
    Interactive,

    /// <summary>A run's check-ins and reminders: they take whatever the budget has left.</summary>
    Bulk,
}
