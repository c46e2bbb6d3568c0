using CheckinBot.Core.Runs;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Insights;

/// <summary>
/// The census of group sizes (and goal stocks) the anonymity threshold and the goal figures are read against: every
/// group's people counted from the directory, at most every <see cref="CensusEvery"/>, sooner after new goal stocks.
/// </summary>
public sealed partial class MetricsCensusService(
    IOrgDirectory directory,
    IMetricsStore metrics,
    ICadenceStore cadences,
    IGroupMembers groupMembers,
    TimeProvider timeProvider,
    ILogger<MetricsCensusService> logger)
{
    public static readonly TimeSpan CensusEvery = TimeSpan.FromHours(1);

    /// <summary>How soon after goal stocks were written the census is taken again, so goals show within minutes.</summary>
    public static readonly TimeSpan StocksCensusAfter = TimeSpan.FromMinutes(5);

    /// <summary>This instance wrote goal stocks since its last census (another instance's census may have counted them already).</summary>
    private volatile bool _stocksWritten;

    /// <summary>Goal stocks were written: the next census comes after <see cref="StocksCensusAfter"/>, not the hour.</summary>
    public void NoteGoalStocksWritten() => _stocksWritten = true;

    /// <summary>
    /// Counts the people of every group from the directory, unless a census younger than <see cref="CensusEvery"/> exists
    /// that counted every cadence (a new cadence is counted at the next sweep, not an hour later).
    /// </summary>
    public async Task<bool> TakeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var all = await cadences.ListAsync(cancellationToken);
        if (await metrics.ReadCensusAsync(MetricGroups.Organisation, [MetricGroups.Organisation], cancellationToken) is { } last && now - last.TakenAt < CensusEvery
            && !(_stocksWritten && now - last.TakenAt >= StocksCensusAfter)
            && (all.Count == 0 || (await metrics.ReadCensusAsync(MetricGroups.CadencePrefix, [.. all.Select(c => MetricGroups.Cadence(c.Id))], cancellationToken))?.Sizes.Count == all.Count))
            return false;
        _stocksWritten = false;
        var stocks = new Dictionary<string, IReadOnlyList<int>>(StringComparer.OrdinalIgnoreCase);
        await foreach (var stock in metrics.ListGoalStocksAsync(cancellationToken))
            stocks[stock.UserId] = stock.ActiveProgress;
        // One pass keeps each person's manager (ids only): the trees are counted from it afterwards.
        var managerOf = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var goalStocks = new Dictionary<string, (int People, int[] Progress)>(StringComparer.Ordinal);
        var audiences = new List<(string Group, Func<Person, bool> Includes)>();
        foreach (var cadence in all)
        {
            sizes[MetricGroups.Cadence(cadence.Id)] = 0; // counted even when no one is in it
            audiences.Add((MetricGroups.Cadence(cadence.Id), await Audience.MatcherAsync(groupMembers, cadence.Audience, cancellationToken)));
        }
        await foreach (var person in directory.ListEveryoneAsync(cancellationToken))
        {
            if (!person.Enabled)
                continue;
            managerOf[person.Id] = person.ManagerId;
            Count(MetricGroups.Organisation, person.Id);
            Count(MetricGroups.Department(person.Department), person.Id);
            foreach (var (group, includes) in audiences.Where(a => a.Includes(person)))
                sizes[group]++; // no goal stock: a cadence's figures are what it asked
        }
        foreach (var (personId, managerId) in managerOf)
        {
            await foreach (var manager in ManagementChain.AboveAsync(managerId, id => ValueTask.FromResult(managerOf.GetValueOrDefault(id))))
                Count(MetricGroups.ManagerTree(manager), personId);
        }
        var root = sizes.Where(s => s.Key.StartsWith(MetricGroups.ManagerTreePrefix, StringComparison.Ordinal))
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => s.Key[MetricGroups.ManagerTreePrefix.Length..]).FirstOrDefault();
        var roots = sizes.Keys.Where(k => k.StartsWith(MetricGroups.ManagerTreePrefix, StringComparison.Ordinal))
            .Select(k => k[MetricGroups.ManagerTreePrefix.Length..]).Where(id => managerOf.GetValueOrDefault(id) is null).Order(StringComparer.Ordinal).ToList();
        await metrics.SaveCensusAsync(new MetricsCensus(sizes, now, root)
        {
            Goals = goalStocks.ToDictionary(g => g.Key, g => new GoalStock(g.Value.People, g.Value.Progress)),
            Roots = roots,
        }, cancellationToken);
        LogCensus(logger, managerOf.Count, sizes.Count);
        return true;

        void Count(string group, string personId)
        {
            sizes[group] = sizes.GetValueOrDefault(group) + 1;
            if (!stocks.TryGetValue(personId, out var progress) || progress.Count == 0)
                return;
            var stock = goalStocks.TryGetValue(group, out var found) ? found : (People: 0, Progress: new int[GoalStock.Percents]);
            foreach (var percent in progress)
                stock.Progress[Math.Clamp(percent, 0, 100)]++;
            goalStocks[group] = (stock.People + 1, stock.Progress);
        }
    }

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Metrics census: {People} people in {Groups} groups")]
    private static partial void LogCensus(ILogger logger, int people, int groups);
}
