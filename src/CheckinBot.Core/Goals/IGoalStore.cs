namespace CheckinBot.Core.Goals;

/// <summary>A person's learning goals; writes are conditional on the version read (false = someone wrote first).</summary>
public interface IGoalStore
{
    Task<IReadOnlyList<LearningGoal>> ListGoalsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Every progress update of every goal of the person, oldest first (for export).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<GoalProgressEntry>>> ListHistoryAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Inserts when <see cref="LearningGoal.Version"/> is null, else replaces that version.</summary>
    Task<bool> TrySaveGoalAsync(LearningGoal goal, CancellationToken cancellationToken);
}
