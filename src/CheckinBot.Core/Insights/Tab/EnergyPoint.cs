namespace CheckinBot.Core.Insights.Tab;

/// <summary>The energy (1–5) a person gave in one check-in.</summary>
public sealed record EnergyPoint(DateTimeOffset At, int Value);
