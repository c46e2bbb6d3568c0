namespace CheckinBot.Core.GrowthLog;

/// <summary>A line of the brag sheet: a win from a check-in, a completed goal, or a milestone reached.</summary>
public sealed record BragItem(DateTimeOffset At, string Text, BragKind Kind);
