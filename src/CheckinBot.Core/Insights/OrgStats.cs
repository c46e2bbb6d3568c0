namespace CheckinBot.Core.Insights;

/// <summary>
/// HR's last four weeks: participation and its change against the four before, time to complete, energy by week, goals,
/// the feedback loop, the departments that moved most, the check-ins runs could not deliver, by reason, and those not
/// asked because the person was away. Null figures: suppressed or no data.
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
    IReadOnlyDictionary<string, int> Unreachable,
    int Away = 0);
