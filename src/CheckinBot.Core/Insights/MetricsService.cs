using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Insights;

/// <summary>
/// Answers metrics queries from the rollups and the census alone (never from check-ins), thresholded by
/// <see cref="HrOptions.MinGroupSize"/> with complementary suppression (<see cref="GroupSuppression"/>). The census is
/// one per response, so a group is suppressed in every period alike and adjacent periods reveal no one.
/// </summary>
public sealed class MetricsService(IMetricsStore store, IOrgDirectory directory, ICadenceStore cadences, CheckIns.ICheckinStore checkins, IOptions<HrOptions> hr)
{
    public async Task<MetricsReport> ReportAsync(MetricsRequest request, CancellationToken cancellationToken)
    {
        var min = hr.Value.MinGroupSize;
        // The manager cut splits the named manager's tree; without one, the organisation into every root's tree when
        // there are several, else the one root's tree (the census knows whose). The other cuts split the organisation.
        var roots = request.GroupBy == MetricsGroupBy.Manager && request.ManagerId is null
            ? await store.ReadCensusAsync(MetricGroups.Organisation, [MetricGroups.Organisation], cancellationToken)
            : null;
        var byRoots = roots?.Roots.Count > 1;
        var parentKey = request.GroupBy != MetricsGroupBy.Manager || byRoots ? MetricGroups.Organisation
            : MetricGroups.ManagerTree(request.ManagerId ?? roots?.Root ?? "");
        var children = byRoots ? await RootTreesAsync(roots!.Roots, cancellationToken) : await ChildrenAsync(request, parentKey, cancellationToken);
        var taken = await store.ReadCensusAsync(MetricGroups.PrefixOf(request.GroupBy), [.. children.Keys.Append(parentKey)], cancellationToken);
        var census = taken?.Sizes ?? new Dictionary<string, int>();
        if (request.GroupBy == MetricsGroupBy.Manager)
            children = children.Where(c => census.ContainsKey(c.Key)).ToDictionary(); // reports who lead no one have no tree
        var rows = (await store.ReadAsync([.. children.Keys.Append(parentKey)], request.From, request.To, cancellationToken)).ToLookup(r => r.Group);
        var parentSize = census.GetValueOrDefault(parentKey);

        // A tree hidden in its own parent's response stays hidden as the parent of this one: otherwise two responses
        // together would reveal what one alone hides.
        var parentHidden = parentSize < min
            || (request.GroupBy == MetricsGroupBy.Manager && !byRoots && await HiddenAboveAsync(parentKey[MetricGroups.ManagerTreePrefix.Length..], min, cancellationToken));
        IReadOnlySet<string> suppressed = parentHidden ? children.Keys.ToHashSet()
            : request.GroupBy == MetricsGroupBy.Cadence
            // Cadence audiences overlap, so siblings cannot be subtracted from each other; each is a filter on the
            // organisation, so neither it nor what it leaves out of the organisation may be under the threshold.
            ? children.Keys.Where(k => census.GetValueOrDefault(k) < min || parentSize - census.GetValueOrDefault(k) is > 0 and var rest && rest < min).ToHashSet()
            : GroupSuppression.Suppressed(parentSize, children.Keys.ToDictionary(k => k, k => census.GetValueOrDefault(k)), min);

        var total = Figures(parentKey, await NameOfAsync(parentKey, children, cancellationToken), parentHidden, parentSize, StockOf(parentKey), rows[parentKey], request.Period);
        var groups = new List<GroupFigures>();
        foreach (var key in children.Keys.Order(StringComparer.Ordinal))
        {
            groups.Add(Figures(key, await NameOfAsync(key, children, cancellationToken), suppressed.Contains(key),
                census.GetValueOrDefault(key), StockOf(key), rows[key], request.Period));
        }
        var (lighter, recovered) = await AdaptationsAsync(cancellationToken);
        GroupFigures WithAdaptations(GroupFigures g) => g.Suppressed ? g
            : g with { LighterCheckins = lighter.GetValueOrDefault(g.Key), RecoveredFromLighter = recovered.GetValueOrDefault(g.Key) };
        return new MetricsReport(request.From, request.To, request.GroupBy, request.Period, min, WithAdaptations(total), [.. groups.Select(WithAdaptations)]);

        // Counted groups without an entry have no one with an active goal; cadences are not in the goal census.
        GoalStock? StockOf(string key) => taken?.Goals.GetValueOrDefault(key) ?? (census.ContainsKey(key) && !key.StartsWith(MetricGroups.CadencePrefix, StringComparison.Ordinal) ? GoalStock.Empty : null);
    }

    /// <summary>Whether the tree below <paramref name="managerId"/> is suppressed in the response of any manager above them.</summary>
    private async Task<bool> HiddenAboveAsync(string managerId, int min, CancellationToken cancellationToken)
    {
        var current = managerId;
        await foreach (var above in ManagementChain.AboveAsync(await ManagerOfAsync(managerId), ManagerOfAsync))
        {
            var siblings = (await directory.DirectReportsAsync(above, cancellationToken)).Select(p => MetricGroups.ManagerTree(p.Id)).ToList();
            var sizes = (await store.ReadCensusAsync(MetricGroups.ManagerTreePrefix, [.. siblings, MetricGroups.ManagerTree(above)], cancellationToken))?.Sizes;
            if (sizes is null)
                return false;
            var shown = siblings.Where(sizes.ContainsKey).ToDictionary(s => s, s => sizes[s]);
            if (GroupSuppression.Suppressed(sizes.GetValueOrDefault(MetricGroups.ManagerTree(above)), shown, min).Contains(MetricGroups.ManagerTree(current)))
                return true;
            current = above;
        }
        return false;

        async ValueTask<string?> ManagerOfAsync(string id) => (await directory.FindAsync(id, cancellationToken))?.ManagerId;
    }

    /// <summary>The trees of the people at the top of the org, each with what people call it.</summary>
    private async Task<Dictionary<string, string>> RootTreesAsync(IReadOnlyList<string> roots, CancellationToken cancellationToken)
    {
        var trees = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in roots)
            trees[MetricGroups.ManagerTree(root)] = ((await directory.FindAsync(root, cancellationToken))?.Name ?? root) + "'s organisation";
        return trees;
    }

    /// <summary>The child groups, each with what people call it.</summary>
    private async Task<Dictionary<string, string>> ChildrenAsync(MetricsRequest request, string parentKey, CancellationToken cancellationToken)
    {
        switch (request.GroupBy)
        {
            case MetricsGroupBy.Department:
                var departments = await store.ReadCensusAsync(MetricGroups.DepartmentPrefix, null, cancellationToken);
                return (departments?.Sizes.Keys ?? []).ToDictionary(k => k, k => k[MetricGroups.DepartmentPrefix.Length..]);
            case MetricsGroupBy.Manager:
                // The trees below the manager's direct reports (empty for those who lead no one: the census leaves them
                // out); the rest of the tree (the reports themselves) is the remainder the suppression accounts for.
                var reports = await directory.DirectReportsAsync(parentKey[MetricGroups.ManagerTreePrefix.Length..], cancellationToken);
                return reports.ToDictionary(r => MetricGroups.ManagerTree(r.Id), r => r.Name + "'s team");
            case MetricsGroupBy.Cadence:
                return (await cadences.ListAsync(cancellationToken)).ToDictionary(c => MetricGroups.Cadence(c.Id), c => c.Name);
            default:
                return [];
        }
    }

    /// <summary>
    /// People on lighter check-ins now, and people who came back from them on their own in the last 90 days, per group
    /// they are in (the organisation, their department, every tree above them, each cadence concerned), from the
    /// on-hold index: usually a few people, each looked up once.
    /// </summary>
    private async Task<(Dictionary<string, int> Lighter, Dictionary<string, int> Recovered)> AdaptationsAsync(CancellationToken cancellationToken)
    {
        var (lighter, recovered) = (new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal));
        await foreach (var held in checkins.ListOnHoldAsync(cancellationToken))
        {
            if ((held.Lighter?.Count ?? 0) + (held.Recovered?.Count ?? 0) == 0
                || await directory.FindAsync(held.UserId, cancellationToken) is not { Enabled: true } person)
                continue;
            var groups = new List<string> { MetricGroups.Organisation, MetricGroups.Department(person.Department) };
            await foreach (var manager in ManagementChain.AboveAsync(person.ManagerId, async id => (await directory.FindAsync(id, cancellationToken))?.ManagerId))
                groups.Add(MetricGroups.ManagerTree(manager));
            Count(lighter, held.Lighter?.Keys ?? []);
            Count(recovered, held.Recovered?.Keys ?? []);

            void Count(Dictionary<string, int> counts, IEnumerable<string> cadenceIds)
            {
                var ids = cadenceIds.ToList();
                if (ids.Count == 0)
                    return;
                foreach (var group in groups.Concat(ids.Select(MetricGroups.Cadence)))
                    counts[group] = counts.GetValueOrDefault(group) + 1;
            }
        }
        return (lighter, recovered);
    }

    private static GroupFigures Figures(string key, string name, bool suppressed, int? people, GoalStock? stock, IEnumerable<DailyTally> rows, MetricsPeriod period)
    {
        if (suppressed)
            return new GroupFigures(key, name, Suppressed: true);
        var list = rows.ToList();
        var all = Sum(list);
        var periods = list.GroupBy(r => StartOf(r.Day, period)).OrderBy(g => g.Key)
            .Select(g => PeriodOf(g.Key, Sum(g))).ToList();
        return new GroupFigures(key, name, false, people, ParticipationFigures.Of(all), EnergyFigures.Of(all), FeedbackFigures.Of(all), GoalFigures.Of(all, stock), periods);
    }

    private static PeriodFigures PeriodOf(DateOnly start, MetricTally tally) => new(start, ParticipationFigures.Of(tally), EnergyFigures.Of(tally), FeedbackFigures.Of(tally), GoalFigures.Of(tally));

    private static MetricTally Sum(IEnumerable<DailyTally> rows) => rows.Aggregate(new MetricTally(), (sum, row) => sum.Add(row.Tally));

    public static DateOnly StartOf(DateOnly day, MetricsPeriod period) => period switch
    {
        MetricsPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        MetricsPeriod.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    private async Task<string> NameOfAsync(string key, Dictionary<string, string> children, CancellationToken cancellationToken) =>
        children.TryGetValue(key, out var name) ? name
        : key.StartsWith(MetricGroups.ManagerTreePrefix, StringComparison.Ordinal)
            ? (await directory.FindAsync(key[MetricGroups.ManagerTreePrefix.Length..], cancellationToken))?.Name + "'s team"
            : "Organisation";
}
