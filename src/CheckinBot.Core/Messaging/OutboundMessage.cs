namespace CheckinBot.Core.Messaging;

/// <summary>
/// Something Core decides to tell a person outside of a turn (a summary, feedback, a nudge). Core says what and to
/// whom; the channel decides how it looks.
/// </summary>
public abstract record OutboundMessage
{
    /// <summary>How it waits for the shared budget: interactive unless it is bulk work.</summary>
    public virtual SendPriority Priority => SendPriority.Interactive;
}
