namespace CheckinBot.Core.Insights;

/// <summary>
/// How many people each group has, its goals as they stood, when that was counted, and whose tree is the whole
/// organisation's.
/// </summary>
/// <param name="Goals">The groups' goal stocks (a group whose people have no active goal may be missing).</param>
/// <param name="Root">The manager at the top (the largest tree), the default parent of the <c>manager</c> cut.</param>
public sealed record MetricsCensus(IReadOnlyDictionary<string, int> Sizes, DateTimeOffset TakenAt, string? Root)
{
    public IReadOnlyDictionary<string, GoalStock> Goals { get; init; } = new Dictionary<string, GoalStock>();

    /// <summary>
    /// Everyone at the top of a tree (leads someone, has no manager): several in a tenant of separate companies, with
    /// contractors or a CEO without a manager. Empty in a census taken before roots were counted.
    /// </summary>
    public IReadOnlyList<string> Roots { get; init; } = [];
}
