namespace CheckinBot.Core.Managers;

/// <summary>One goal in a summary: where it is, where it was at the previous shared check-in, and any milestone reached.</summary>
public sealed record GoalSummaryLine(string Title, int Percent, int? PreviousPercent, string? MilestoneReached, string? Note);
