namespace CheckinBot.Core.Handovers;

/// <summary>What became of the person's answer to the handover question.</summary>
public enum HandoverAnswer
{
    /// <summary>Yes: the history is on its way to the new manager.</summary>
    Shared,

    /// <summary>No: nothing moves.</summary>
    Kept,

    /// <summary>They answered before; that answer stands.</summary>
    AlreadyAnswered,

    /// <summary>Asked more than <see cref="HandoverService.AnswerWithin"/> ago: nothing moves.</summary>
    Expired,

    /// <summary>That manager is no longer theirs: nothing moves.</summary>
    ManagerChangedAgain,

    /// <summary>No such handover (erased with their data, or not theirs).</summary>
    Gone,
}
