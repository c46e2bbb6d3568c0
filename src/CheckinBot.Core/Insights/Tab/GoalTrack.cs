using CheckinBot.Core.Goals;

namespace CheckinBot.Core.Insights.Tab;

/// <summary>One of my goals as the Growth tab draws it: where it stands, its milestones, and every recorded step.</summary>
public sealed record GoalTrack(
    string Id,
    string Title,
    GoalStatus Status,
    int Percent,
    DateOnly? TargetDate,
    IReadOnlyList<GoalMilestone> Milestones,
    IReadOnlyList<GoalProgressEntry> History);
