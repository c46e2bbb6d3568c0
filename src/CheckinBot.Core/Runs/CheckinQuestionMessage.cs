using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Runs;

/// <summary>A scheduled check-in's opening (or a reminder of it): the draft as it stands, so the person sees its current question.</summary>
/// <param name="Note">Why this one is different, in one sentence (a lighter check-in for someone tired: Fatigue/FatigueService).</param>
public sealed record CheckinQuestionMessage(CheckinDraft Draft, string CadenceName, bool IsReminder = false, string? Note = null) : OutboundMessage
{
    /// <summary>Part of a run: it yields to summaries and feedback.</summary>
    public override SendPriority Priority => SendPriority.Bulk;
}
