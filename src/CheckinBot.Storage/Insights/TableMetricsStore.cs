using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Insights;

namespace CheckinBot.Storage.Insights;

/// <summary>
/// Rollups: partition <c>m{yyyy-MM}</c> (the month of the day), row <c>{group}|{yyyy-MM-dd}</c> with the tally's counts,
/// and in the same partition a marker row per fold, so a fold and its marker commit in one transaction and a retried
/// fold adds nothing. The census is the partition <c>census</c>. Group keys are escaped (department names may hold
/// characters row keys refuse).
/// </summary>
internal sealed class TableMetricsStore(CheckinTables tables) : IMetricsStore
{
    private const string CensusPartition = "census";
    private const string CensusTakenKey = "~taken";
    private const string FoldPrefix = "~fold|";
    private const int MaxAttempts = 5;

    private TableClient Table => tables.Metrics;

    public async Task<bool> TryFoldAsync(string foldId, DateOnly day, IReadOnlyCollection<string> groups, MetricTally tally, CancellationToken cancellationToken)
    {
        var partition = Partition(day);
        for (var attempt = 1; ; attempt++)
        {
            if ((await Table.GetEntityIfExistsAsync<TableEntity>(partition, FoldPrefix + foldId, select: ["RowKey"], cancellationToken: cancellationToken)).HasValue)
                return false;
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, new TableEntity(partition, FoldPrefix + foldId)) };
            foreach (var group in groups.Distinct(StringComparer.Ordinal))
            {
                var key = RowKey(group, day);
                var row = await Table.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken);
                actions.Add(row.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, Write(partition, key, Read(row.Value!).Add(tally)), row.Value!.ETag)
                    : new(TableTransactionActionType.Add, Write(partition, key, tally)));
            }
            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // another aggregator folded into the same rows (or this very fold) meanwhile: read again
            }
        }
    }

    public async Task<IReadOnlyList<DailyTally>> ReadAsync(string groupPrefix, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var prefix = Escape(groupPrefix);
        var rows = new List<DailyTally>();
        for (var month = new DateOnly(firstDay.Year, firstDay.Month, 1); month <= lastDay; month = month.AddMonths(1))
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(TableKeys.PrefixFilter(Partition(month), prefix), cancellationToken: cancellationToken))
            {
                if (row.RowKey.StartsWith(FoldPrefix, StringComparison.Ordinal))
                    continue;
                var bar = row.RowKey.LastIndexOf('|');
                var day = DateOnly.ParseExact(row.RowKey[(bar + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (day >= firstDay && day <= lastDay)
                    rows.Add(new DailyTally(Uri.UnescapeDataString(row.RowKey[..bar]), day, Read(row)));
            }
        }
        return rows;
    }

    public async Task SaveCensusAsync(IReadOnlyDictionary<string, int> sizes, DateTimeOffset takenAt, CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == CensusPartition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey != CensusTakenKey && !sizes.ContainsKey(Uri.UnescapeDataString(row.RowKey)))
                stale.Add(row.RowKey);
        }
        var actions = sizes.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(CensusPartition, Escape(s.Key)) { ["People"] = s.Value }))
            .Concat(stale.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(CensusPartition, key), ETag.All)))
            .Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(CensusPartition, CensusTakenKey) { ["TakenAt"] = takenAt }));
        // The time goes last: a census cut short is taken again on the next sweep.
        foreach (var chunk in actions.Chunk(100))
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
    }

    public async Task<(IReadOnlyDictionary<string, int> Sizes, DateTimeOffset? TakenAt)> ReadCensusAsync(string groupPrefix, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(TableKeys.PrefixFilter(CensusPartition, Escape(groupPrefix)), cancellationToken: cancellationToken))
        {
            if (row.RowKey != CensusTakenKey)
                sizes[Uri.UnescapeDataString(row.RowKey)] = row.GetInt32("People") ?? 0;
        }
        var taken = await Table.GetEntityIfExistsAsync<TableEntity>(CensusPartition, CensusTakenKey, cancellationToken: cancellationToken);
        return (sizes, taken.HasValue ? taken.Value!.GetDateTimeOffset("TakenAt") : null);
    }

    private static string Partition(DateOnly day) => "m" + day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string RowKey(string group, DateOnly day) => Escape(group) + "|" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Escape(string group) => Uri.EscapeDataString(group);

    private static TableEntity Write(string partition, string key, MetricTally tally)
    {
        var row = new TableEntity(partition, key) { ["Completed"] = tally.Completed, ["SelfStarted"] = tally.SelfStarted, ["Shared"] = tally.Shared };
        for (var i = 0; i < tally.Energy.Length; i++)
            row["E" + (i + 1)] = tally.Energy[i];
        for (var i = 0; i < tally.Minutes.Length; i++)
            row["M" + i] = tally.Minutes[i];
        return row;
    }

    private static MetricTally Read(TableEntity row) => new()
    {
        Completed = row.GetInt32("Completed") ?? 0,
        SelfStarted = row.GetInt32("SelfStarted") ?? 0,
        Shared = row.GetInt32("Shared") ?? 0,
        Energy = [.. Enumerable.Range(1, 5).Select(i => row.GetInt32("E" + i) ?? 0)],
        Minutes = [.. Enumerable.Range(0, MetricTally.MinuteBounds.Length + 1).Select(i => row.GetInt32("M" + i) ?? 0)],
    };
}
