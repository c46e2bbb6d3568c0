namespace CheckinBot.Core.Insights;

/// <summary>
/// The rollups the metrics are read from and the census of group sizes the anonymity threshold is checked against.
/// Reads name the groups they want, so a query costs what it returns, not what is stored.
/// </summary>
public interface IMetricsStore
{
    /// <summary>
    /// Adds each fold's tally to its groups on its day, at most once per fold and group: a batch retried after a crash
    /// part-way adds nothing twice.
    /// </summary>
    Task FoldAsync(IReadOnlyList<MetricFold> folds, CancellationToken cancellationToken);

    /// <summary>The day rows of exactly <paramref name="groups"/>, <paramref name="firstDay"/> to <paramref name="lastDay"/> inclusive.</summary>
    Task<IReadOnlyList<DailyTally>> ReadAsync(IReadOnlyCollection<string> groups, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);

    /// <summary>Replaces a person's goal stock (no active goal: removes it).</summary>
    Task SaveGoalStockAsync(PersonGoalStock stock, CancellationToken cancellationToken);

    /// <summary>Every person's goal stock, for the census.</summary>
    IAsyncEnumerable<PersonGoalStock> ListGoalStocksAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the census.</summary>
    Task SaveCensusAsync(MetricsCensus census, CancellationToken cancellationToken);

    /// <summary>
    /// The census's sizes of <paramref name="groups"/> (those it counted), or of every group whose key starts with
    /// <paramref name="prefix"/> when no groups are named, with the census's time and root; null when none was taken.
    /// </summary>
    Task<MetricsCensus?> ReadCensusAsync(string prefix, IReadOnlyCollection<string>? groups, CancellationToken cancellationToken);
}
