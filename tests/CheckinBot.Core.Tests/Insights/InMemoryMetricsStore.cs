using CheckinBot.Core.Insights;

namespace CheckinBot.Core.Tests.Insights;

/// <summary>The rollups and census in memory; a fold counts once per group like the table store.</summary>
internal sealed class InMemoryMetricsStore : IMetricsStore
{
    private readonly HashSet<(string FoldId, string Group)> _folds = [];
    private readonly Dictionary<(string Group, DateOnly Day), MetricTally> _rows = [];
    private MetricsCensus? _census;
    private readonly Dictionary<string, PersonGoalStock> _stocks = [];

    public Task SaveGoalStockAsync(PersonGoalStock stock, CancellationToken cancellationToken)
    {
        if (stock.ActiveProgress.Count == 0)
            _stocks.Remove(stock.UserId);
        else
            _stocks[stock.UserId] = stock;
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<PersonGoalStock> ListGoalStocksAsync(CancellationToken cancellationToken) => _stocks.Values.ToList().ToAsyncEnumerable();

    public Task FoldAsync(IReadOnlyList<MetricFold> folds, CancellationToken cancellationToken)
    {
        foreach (var fold in folds)
        {
            foreach (var group in fold.Groups.Distinct().Where(g => _folds.Add((fold.FoldId, g))))
                _rows[(group, fold.Day)] = _rows.TryGetValue((group, fold.Day), out var sum) ? sum.Add(fold.Tally) : fold.Tally;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DailyTally>> ReadAsync(IReadOnlyCollection<string> groups, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DailyTally>>([.. _rows
            .Where(r => groups.Contains(r.Key.Group) && r.Key.Day >= firstDay && r.Key.Day <= lastDay)
            .Select(r => new DailyTally(r.Key.Group, r.Key.Day, r.Value))]);

    public Task SaveCensusAsync(MetricsCensus census, CancellationToken cancellationToken)
    {
        _census = census;
        return Task.CompletedTask;
    }

    public Task<MetricsCensus?> ReadCensusAsync(string prefix, IReadOnlyCollection<string>? groups, CancellationToken cancellationToken) =>
        Task.FromResult(_census is null ? null : _census with
        {
            Sizes = _census.Sizes.Where(s => groups?.Contains(s.Key) ?? s.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(),
            Goals = _census.Goals.Where(s => groups?.Contains(s.Key) ?? s.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(),
        });
}
