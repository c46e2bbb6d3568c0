using CheckinBot.Core.Goals;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.CheckIns;

/// <summary>
/// Everything a finished check-in writes, as one unit of work for <see cref="ICheckinStore.TryCompleteAsync"/>: the draft
/// to remove (at its version), the record, the goals it changed or added (at their versions) and, when shared, the
/// hand-off for the manager summary. <see cref="OutboxNotes"/> are noted before the write, so whichever line a crash
/// interrupts, an entry exists for every item that committed (an entry whose item never committed is dropped by its sender).
/// </summary>
public sealed record CheckinCompletion(CheckinDraft Draft, CheckinRecord Record, IReadOnlyList<LearningGoal> Goals)
{
    /// <summary>Present when the person shared the check-in: the summary's delivery state, written with the record.</summary>
    public ShareHandoff? Handoff { get; } = Record.SharedWithManager ? new ShareHandoff { UserId = Record.UserId, CheckinId = Record.CheckinId } : null;

    /// <summary>The outbox entries that point at this completion: the metrics count and, when shared, the summary.</summary>
    public IReadOnlyList<OutboxKind> OutboxNotes => Handoff is null ? [OutboxKind.Metrics] : [OutboxKind.Metrics, OutboxKind.Summary];
}
