namespace CheckinBot.Core.Handovers;

/// <summary>The messages of a handover, in the order they go out.</summary>
public enum HandoverStep
{
    /// <summary>The person is asked whether the new manager may see their shared history.</summary>
    AskPerson,

    /// <summary>The former manager is told the person moved on (they stopped seeing new entries at once).</summary>
    TellFormerManager,

    /// <summary>After a yes: the new manager gets the history's summary.</summary>
    HandOver,
}
