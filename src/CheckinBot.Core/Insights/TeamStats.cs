namespace CheckinBot.Core.Insights;

/// <summary>A manager's whole reporting tree over four weeks; <see cref="Suppressed"/> below the anonymity threshold.</summary>
public sealed record TeamStats(
    bool Suppressed,
    int People,
    int MinGroupSize,
    int? Completed = null,
    int? CompletedBefore = null,
    int? Shared = null,
    IReadOnlyList<(DateOnly Week, double? Energy)>? EnergyByWeek = null);
