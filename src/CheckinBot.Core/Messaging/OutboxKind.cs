namespace CheckinBot.Core.Messaging;

/// <summary>What an outbox entry points to; each kind has its own sender.</summary>
public enum OutboxKind
{
    /// <summary>A shared check-in's summary for the manager.</summary>
    Summary,

    /// <summary>A feedback request or a piece of feedback for the other person.</summary>
    Feedback,

    /// <summary>A completed check-in still to be added to the metrics rollups (not a message: nothing is sent).</summary>
    Metrics,

    /// <summary>A manager change's messages: the person's consent question, the former manager's note, the history.</summary>
    Handover,
}
