using CheckinBot.Core.Insights;

namespace CheckinBot.Core.Tests.Insights;

/// <summary>The rollups and census in memory, folds once per id like the table store.</summary>
internal sealed class InMemoryMetricsStore : IMetricsStore
{
    private readonly HashSet<string> _folds = [];
    private readonly Dictionary<(string Group, DateOnly Day), MetricTally> _rows = [];
    private Dictionary<string, int> _census = [];
    private DateTimeOffset? _takenAt;

    public Task<bool> TryFoldAsync(string foldId, DateOnly day, IReadOnlyCollection<string> groups, MetricTally tally, CancellationToken cancellationToken)
    {
        if (!_folds.Add(foldId))
            return Task.FromResult(false);
        foreach (var group in groups.Distinct())
            _rows[(group, day)] = _rows.TryGetValue((group, day), out var sum) ? sum.Add(tally) : tally;
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<DailyTally>> ReadAsync(string groupPrefix, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DailyTally>>([.. _rows
            .Where(r => r.Key.Group.StartsWith(groupPrefix, StringComparison.Ordinal) && r.Key.Day >= firstDay && r.Key.Day <= lastDay)
            .Select(r => new DailyTally(r.Key.Group, r.Key.Day, r.Value))]);

    public Task SaveCensusAsync(IReadOnlyDictionary<string, int> sizes, DateTimeOffset takenAt, CancellationToken cancellationToken)
    {
        (_census, _takenAt) = (sizes.ToDictionary(), takenAt);
        return Task.CompletedTask;
    }

    public Task<(IReadOnlyDictionary<string, int> Sizes, DateTimeOffset? TakenAt)> ReadCensusAsync(string groupPrefix, CancellationToken cancellationToken) =>
        Task.FromResult<(IReadOnlyDictionary<string, int>, DateTimeOffset?)>((_census.Where(c => c.Key.StartsWith(groupPrefix, StringComparison.Ordinal)).ToDictionary(), _takenAt));
}
