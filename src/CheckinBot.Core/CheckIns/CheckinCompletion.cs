using CheckinBot.Core.Goals;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Insights.Events.CheckinCompleted;

namespace CheckinBot.Core.CheckIns;

/// <summary>
/// Everything a finished check-in writes, as one unit of work for <see cref="ICheckinStore.TryCompleteAsync"/>: the draft
/// to remove (at its version), the record, the goals it changed or added (at their versions) and, when shared, the
/// hand-off for the manager summary. Its outbox entries (<see cref="MetricsEvent"/>, the summary) are noted before the write, so whichever line a crash
/// interrupts, an entry exists for every item that committed (an entry whose item never committed is dropped by its sender).
/// </summary>
public sealed record CheckinCompletion(CheckinDraft Draft, CheckinRecord Record, IReadOnlyList<LearningGoal> Goals)
{
    /// <summary>Present when the person shared the check-in: the summary's delivery state, written with the record.</summary>
    public ShareHandoff? Handoff { get; } = Record.SharedWithManager ? new ShareHandoff { UserId = Record.UserId, CheckinId = Record.CheckinId } : null;

    /// <summary>What it counts in the metrics; noted, like the hand-off's summary entry, before the write.</summary>
    public CheckinCompleted MetricsEvent => new(Record.UserId, Record.CheckinId);
}
