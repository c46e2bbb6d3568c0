namespace CheckinBot.Core.Insights;

/// <summary>
/// The rollups the metrics are read from (one row per group and day) and the census of group sizes the anonymity
/// threshold is checked against.
/// </summary>
public interface IMetricsStore
{
    /// <summary>
    /// Adds <paramref name="tally"/> to each of <paramref name="groups"/> on <paramref name="day"/>, all or nothing, once
    /// per <paramref name="foldId"/>: false when that fold was made before (a retry after a crash adds nothing twice).
    /// </summary>
    Task<bool> TryFoldAsync(string foldId, DateOnly day, IReadOnlyCollection<string> groups, MetricTally tally, CancellationToken cancellationToken);

    /// <summary>The rows of groups whose key starts with <paramref name="groupPrefix"/> (or is it), <paramref name="firstDay"/> to <paramref name="lastDay"/> inclusive.</summary>
    Task<IReadOnlyList<DailyTally>> ReadAsync(string groupPrefix, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);

    /// <summary>Replaces the census: how many people each group has now.</summary>
    Task SaveCensusAsync(IReadOnlyDictionary<string, int> sizes, DateTimeOffset takenAt, CancellationToken cancellationToken);

    /// <summary>The sizes of groups whose key starts with <paramref name="groupPrefix"/>, and when the census was taken (null: never).</summary>
    Task<(IReadOnlyDictionary<string, int> Sizes, DateTimeOffset? TakenAt)> ReadCensusAsync(string groupPrefix, CancellationToken cancellationToken);
}
