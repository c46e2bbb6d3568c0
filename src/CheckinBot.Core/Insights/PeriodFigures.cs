namespace CheckinBot.Core.Insights;

/// <summary>A group's figures in one week, month or quarter (<see cref="Start"/> is its first day).</summary>
public sealed record PeriodFigures(DateOnly Start, ParticipationFigures Participation, EnergyFigures Energy, FeedbackFigures Feedback, GoalFigures Goals);
