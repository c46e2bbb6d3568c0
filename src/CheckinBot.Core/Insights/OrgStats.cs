namespace CheckinBot.Core.Insights;

/// <summary>
/// HR's last four weeks: participation and its change against the four before, time to complete, energy by week, goals,
/// the feedback loop, the departments that moved most, and the check-ins runs could not deliver, by reason. Null figures:
/// suppressed or no data.
/// </summary>
public sealed record OrgStats(
    int? People,
    int? Completed,
    int? CompletedBefore,
    double? MedianMinutesToComplete,
    GoalFigures? Goals,
    FeedbackFigures? Feedback,
    IReadOnlyList<(DateOnly Week, double? Energy)> EnergyByWeek,
    IReadOnlyList<DepartmentMove> Movers,
    IReadOnlyDictionary<string, int> Unreachable);
