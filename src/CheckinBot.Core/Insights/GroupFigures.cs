namespace CheckinBot.Core.Insights;

/// <summary>
/// One group of a metrics response. Suppressed: only <see cref="Key"/> and <see cref="Suppressed"/>, nothing numeric.
/// </summary>
/// <param name="Name">What people call the group (a department's name, "Megan Bowen's team", a cadence's name).</param>
/// <param name="LighterCheckins">People now asked a lighter form (or less often) because they seemed tired (for a cadence: by it); a stock, over the whole range.</param>
/// <param name="RecoveredFromLighter">People who came back to the full form on their own (two healthy check-ins in a row) in the last 90 days: whether lighter check-ins helped.</param>
public sealed record GroupFigures(
    string Key,
    string Name,
    bool Suppressed,
    int? People = null,
    ParticipationFigures? Participation = null,
    EnergyFigures? Energy = null,
    FeedbackFigures? Feedback = null,
    GoalFigures? Goals = null,
    IReadOnlyList<PeriodFigures>? Periods = null,
    int? LighterCheckins = null,
    int? RecoveredFromLighter = null);
