using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Insights;

/// <summary>
/// Answers metrics queries from the rollups and the census alone (never from check-ins), thresholded by
/// <see cref="HrOptions.MinGroupSize"/> with complementary suppression (<see cref="GroupSuppression"/>). The census is
/// one per response, so a group is suppressed in every period alike and adjacent periods reveal no one.
/// </summary>
public sealed class MetricsService(IMetricsStore store, IOrgDirectory directory, ICadenceStore cadences, IOptions<HrOptions> hr)
{
    public async Task<MetricsReport> ReportAsync(MetricsRequest request, CancellationToken cancellationToken)
    {
        var min = hr.Value.MinGroupSize;
        var (census, _) = await store.ReadCensusAsync(request.GroupBy == MetricsGroupBy.Manager ? MetricGroups.ManagerTreePrefix : MetricGroups.Organisation, cancellationToken);
        if (request.GroupBy == MetricsGroupBy.Department)
            census = census.Concat((await store.ReadCensusAsync(MetricGroups.DepartmentPrefix, cancellationToken)).Sizes).ToDictionary();
        var parentKey = request.GroupBy == MetricsGroupBy.Manager
            ? MetricGroups.ManagerTree(request.ManagerId ?? LargestTree(census) ?? "")
            : MetricGroups.Organisation;
        var parentSize = census.GetValueOrDefault(parentKey);
        var parentRows = (await store.ReadAsync(parentKey, request.From, request.To, cancellationToken)).Where(r => r.Group == parentKey).ToList();

        var children = await ChildrenAsync(request, parentKey, census, cancellationToken);
        var childRows = children.Count == 0 ? []
            : (await store.ReadAsync(MetricGroups.PrefixOf(request.GroupBy), request.From, request.To, cancellationToken)).Where(r => children.ContainsKey(r.Group)).ToList();
        if (request.GroupBy == MetricsGroupBy.Cadence)
        {
            foreach (var group in childRows.Select(r => r.Group).Distinct().Where(g => !children.ContainsKey(g)))
                children[group] = null;
        }

        IReadOnlySet<string> suppressed = request.GroupBy switch
        {
            // Cadence audiences overlap (no subtraction between them) and have no census: a cadence is shown once it
            // has at least the threshold of completed check-ins in the range.
            MetricsGroupBy.Cadence => children.Keys.Where(k => childRows.Where(r => r.Group == k).Sum(r => r.Tally.Completed) < min).ToHashSet(),
            _ => GroupSuppression.Suppressed(parentSize, children.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!.Value), min),
        };

        var total = Figures(parentKey, await NameOfAsync(parentKey, cancellationToken), parentSize < min, parentSize, parentRows, request.Period);
        var groups = new List<GroupFigures>();
        foreach (var (key, size) in children.OrderBy(c => c.Key, StringComparer.Ordinal))
            groups.Add(Figures(key, await NameOfAsync(key, cancellationToken), suppressed.Contains(key), size, childRows.Where(r => r.Group == key), request.Period));
        return new MetricsReport(request.From, request.To, request.GroupBy, request.Period, min, total, groups);
    }

    /// <summary>The child groups and their sizes (null: no census for that kind of group).</summary>
    private async Task<Dictionary<string, int?>> ChildrenAsync(MetricsRequest request, string parentKey, IReadOnlyDictionary<string, int> census, CancellationToken cancellationToken)
    {
        switch (request.GroupBy)
        {
            case MetricsGroupBy.Department:
                return census.Where(c => c.Key.StartsWith(MetricGroups.DepartmentPrefix, StringComparison.Ordinal)).ToDictionary(c => c.Key, c => (int?)c.Value);
            case MetricsGroupBy.Manager:
                // The trees below the manager's direct reports who lead someone; the rest of the tree (the reports
                // themselves, people without reports) is the remainder the suppression accounts for.
                var root = parentKey[MetricGroups.ManagerTreePrefix.Length..];
                var children = new Dictionary<string, int?>();
                foreach (var report in await directory.DirectReportsAsync(root, cancellationToken))
                {
                    if (census.TryGetValue(MetricGroups.ManagerTree(report.Id), out var size))
                        children[MetricGroups.ManagerTree(report.Id)] = size;
                }
                return children;
            case MetricsGroupBy.Cadence:
                return (await cadences.ListAsync(cancellationToken)).ToDictionary(c => MetricGroups.Cadence(c.Id), _ => (int?)null);
            default:
                return [];
        }
    }

    private static GroupFigures Figures(string key, string name, bool suppressed, int? people, IEnumerable<DailyTally> rows, MetricsPeriod period)
    {
        if (suppressed)
            return new GroupFigures(key, name, Suppressed: true);
        var list = rows.ToList();
        var all = Sum(list);
        var periods = list.GroupBy(r => StartOf(r.Day, period)).OrderBy(g => g.Key)
            .Select(g => PeriodOf(g.Key, Sum(g))).ToList();
        return new GroupFigures(key, name, false, people, ParticipationFigures.Of(all), EnergyFigures.Of(all), periods);
    }

    private static PeriodFigures PeriodOf(DateOnly start, MetricTally tally) => new(start, ParticipationFigures.Of(tally), EnergyFigures.Of(tally));

    private static MetricTally Sum(IEnumerable<DailyTally> rows) => rows.Aggregate(new MetricTally(), (sum, row) => sum.Add(row.Tally));

    public static DateOnly StartOf(DateOnly day, MetricsPeriod period) => period switch
    {
        MetricsPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        MetricsPeriod.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    private static string? LargestTree(IReadOnlyDictionary<string, int> census) =>
        census.Where(c => c.Key.StartsWith(MetricGroups.ManagerTreePrefix, StringComparison.Ordinal))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key[MetricGroups.ManagerTreePrefix.Length..]).FirstOrDefault();

    private async Task<string> NameOfAsync(string key, CancellationToken cancellationToken)
    {
        if (key.StartsWith(MetricGroups.ManagerTreePrefix, StringComparison.Ordinal))
            return (await directory.FindAsync(key[MetricGroups.ManagerTreePrefix.Length..], cancellationToken))?.Name + "'s team";
        if (key.StartsWith(MetricGroups.CadencePrefix, StringComparison.Ordinal))
            return (await cadences.FindAsync(key[MetricGroups.CadencePrefix.Length..], cancellationToken))?.Name ?? key[MetricGroups.CadencePrefix.Length..];
        if (key.StartsWith(MetricGroups.DepartmentPrefix, StringComparison.Ordinal))
            return key[MetricGroups.DepartmentPrefix.Length..];
        return "Organisation";
    }
}
