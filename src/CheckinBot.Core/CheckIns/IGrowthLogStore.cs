using CheckinBot.Core.Goals;

namespace CheckinBot.Core.CheckIns;

/// <summary>
/// An employee's own growth log: the check-in draft, finished check-ins and learning goals. All writes are
/// conditional on the version that was read; a false result means someone else wrote first.
/// </summary>
public interface IGrowthLogStore
{
    Task<CheckinDraft?> FindDraftAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Inserts when <see cref="CheckinDraft.Version"/> is null, else replaces that version.</summary>
    Task<bool> TrySaveDraftAsync(CheckinDraft draft, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: removes the draft (at its version), stores the record, saves the changed and new goals
    /// (at their versions), and, when the record is shared, queues it for the manager summary. All or nothing, so a
    /// crash or a race can neither lose nor double a check-in.
    /// </summary>
    Task<bool> TryCompleteAsync(CheckinDraft draft, CheckinRecord record, IReadOnlyList<LearningGoal> goals, CancellationToken cancellationToken);

    Task<IReadOnlyList<CheckinRecord>> ListCheckinsAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<LearningGoal>> ListGoalsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Inserts when <see cref="LearningGoal.Version"/> is null, else replaces that version.</summary>
    Task<bool> TrySaveGoalAsync(LearningGoal goal, CancellationToken cancellationToken);

    Task<CheckinPreferences?> FindPreferencesAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Inserts when <see cref="CheckinPreferences.Version"/> is null, else replaces that version.</summary>
    Task<bool> TrySavePreferencesAsync(CheckinPreferences preferences, CancellationToken cancellationToken);

    /// <summary>Deletes everything of the person (draft, check-ins, goals, pending hand-offs); returns the count.</summary>
    Task<int> EraseAsync(string userId, CancellationToken cancellationToken);
}
