using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Insights;

namespace CheckinBot.Storage.Insights;

/// <summary>
/// One row per group and year (partition <c>{kind}|{yyyy}</c>, row the escaped group key): the year's day tallies as a
/// fixed binary block (366 × <see cref="TallyCounts.Width"/> counts), and a ring of the last folds' hashes (growing to
/// <see cref="RingSize"/>, then overwriting the oldest), so a fold retried after a crash is recognised per row and adds
/// nothing twice. A query reads the rows of the groups it names,
/// one point read per group and year: its cost does not grow with people or history. The census is partition
/// <c>census|{kind}</c> (people, and the goal stock: people with an active goal, active goals per percent), its time and
/// root in <c>census|~</c>. Each person's active goals' progress is a row of partition <c>stock|goals</c> (a byte per
/// goal), erased with the person.
/// </summary>
internal sealed class TableMetricsStore(CheckinTables tables) : IMetricsStore, IPersonalDataEraser
{
    /// <summary>Folds remembered per row: far more than the folds of the batches in flight when a crash can cut one short.</summary>
    public const int RingSize = 4096;

    private const int DaysPerYear = 366;
    private const int HashLength = 8;
    private const int MaxAttempts = 8;
    private const string CensusInfoPartition = "census|~";
    private const string GoalStockPartition = "stock|goals";
    private const int ParallelRows = 8;

    private TableClient Table => tables.Metrics;

    public async Task FoldAsync(IReadOnlyList<MetricFold> folds, CancellationToken cancellationToken)
    {
        var byRow = folds
            .SelectMany(f => f.Groups.Distinct(StringComparer.Ordinal).Select(g => (Group: g, Fold: f)))
            .GroupBy(x => (Partition: Partition(x.Group, x.Fold.Day.Year), RowKey: Escape(x.Group)));
        await Parallel.ForEachAsync(byRow, new ParallelOptions { MaxDegreeOfParallelism = ParallelRows, CancellationToken = cancellationToken },
            (row, ct) => new ValueTask(FoldRowAsync(row.Key.Partition, row.Key.RowKey, [.. row.Select(x => x.Fold)], ct)));
    }

    /// <returns>How many of the folds were new to the row.</returns>
    private Task<int> FoldRowAsync(string partition, string rowKey, IReadOnlyList<MetricFold> folds, CancellationToken cancellationToken) =>
        Core.OptimisticUpdate.RetryAsync(async () =>
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
            var counts = Counts(existing.HasValue ? existing.Value!.GetBinary("Days") : null);
            var ring = existing.HasValue ? existing.Value!.GetBinary("Folds") ?? [] : [];
            var next = existing.HasValue ? existing.Value!.GetInt32("FoldNext") ?? 0 : 0;
            var added = 0;
            foreach (var fold in folds)
            {
                var hash = Hash(fold.FoldId);
                if (Contains(ring, hash))
                    continue; // folded before this crash or race
                TallyCounts.AddTo(fold.Tally, counts.AsSpan((fold.Day.DayOfYear - 1) * TallyCounts.Width, TallyCounts.Width));
                if (ring.Length < RingSize * HashLength)
                {
                    Array.Resize(ref ring, ring.Length + HashLength); // still growing: append
                    hash.CopyTo(ring, ring.Length - HashLength);
                }
                else
                {
                    hash.CopyTo(ring, next * HashLength); // full: the oldest goes
                    next = (next + 1) % RingSize;
                }
                added++;
            }
            if (added == 0)
                return (true, added);
            var row = new TableEntity(partition, rowKey) { ["Days"] = MemoryMarshal.AsBytes(counts.AsSpan()).ToArray(), ["Folds"] = ring, ["FoldNext"] = next };
            return (await Table.TryWriteAsync(row, existing.HasValue ? existing.Value!.ETag.ToString() : null, cancellationToken), added);
        }, $"Metrics row {partition}/{rowKey}", MaxAttempts); // given up, the sweep retries the batch

    public async Task<IReadOnlyList<DailyTally>> ReadAsync(IReadOnlyCollection<string> groups, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var reads = groups.Distinct(StringComparer.Ordinal)
            .SelectMany(g => Enumerable.Range(firstDay.Year, lastDay.Year - firstDay.Year + 1).Select(year => (Group: g, Year: year)))
            .ToList();
        var rows = new List<DailyTally>();
        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = ParallelRows, CancellationToken = cancellationToken }, async (read, ct) =>
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition(read.Group, read.Year), Escape(read.Group), select: ["Days"], cancellationToken: ct);
            if (!row.HasValue || row.Value!.GetBinary("Days") is not { } days)
                return;
            var found = DaysOf(read.Group, read.Year, Counts(days), firstDay, lastDay);
            lock (rows)
                rows.AddRange(found);
        });
        return rows;
    }

    public async Task SaveCensusAsync(MetricsCensus census, CancellationToken cancellationToken)
    {
        foreach (var kind in census.Sizes.GroupBy(s => KindOf(s.Key)))
        {
            var partition = "census|" + kind.Key;
            var stale = new List<string>();
            await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                if (!census.Sizes.ContainsKey(Uri.UnescapeDataString(row.RowKey)))
                    stale.Add(row.RowKey);
            }
            var actions = kind.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CensusRow(partition, s.Key, s.Value, census.Goals.GetValueOrDefault(s.Key))))
                .Concat(stale.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All)));
            foreach (var chunk in actions.Chunk(100))
                await Table.SubmitTransactionAsync(chunk, cancellationToken);
        }
        // Written last: a census cut short is taken again on the next sweep.
        await Table.UpsertEntityAsync(new TableEntity(CensusInfoPartition, "taken")
        {
            ["TakenAt"] = census.TakenAt,
            ["Root"] = census.Root,
            ["Roots"] = string.Join(',', census.Roots),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<MetricsCensus?> ReadCensusAsync(string prefix, IReadOnlyCollection<string>? groups, CancellationToken cancellationToken)
    {
        var info = await Table.GetEntityIfExistsAsync<TableEntity>(CensusInfoPartition, "taken", cancellationToken: cancellationToken);
        if (!info.HasValue)
            return null;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var goals = new Dictionary<string, GoalStock>(StringComparer.Ordinal);
        if (groups is null)
        {
            var partition = "census|" + KindOf(prefix);
            await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                if (Uri.UnescapeDataString(row.RowKey) is var group && group.StartsWith(prefix, StringComparison.Ordinal))
                    Read(group, row);
            }
        }
        else
        {
            foreach (var group in groups.Distinct(StringComparer.Ordinal))
            {
                var row = await Table.GetEntityIfExistsAsync<TableEntity>("census|" + KindOf(group), Escape(group), cancellationToken: cancellationToken);
                if (row.HasValue)
                    Read(group, row.Value!);
            }
        }
        return new MetricsCensus(sizes, info.Value!.GetDateTimeOffset("TakenAt") ?? DateTimeOffset.MinValue, info.Value.GetString("Root"))
        {
            Goals = goals,
            Roots = info.Value.GetString("Roots")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        };

        void Read(string group, TableEntity row)
        {
            sizes[group] = row.GetInt32("People") ?? 0;
            if (row.GetBinary("Progress") is { } progress)
                goals[group] = new GoalStock(row.GetInt32("WithGoals") ?? 0, MemoryMarshal.Cast<byte, int>(progress.AsSpan()).ToArray());
        }
    }

    private static TableEntity CensusRow(string partition, string group, int people, GoalStock? goals)
    {
        var row = new TableEntity(partition, Escape(group)) { ["People"] = people };
        if (goals is not null)
        {
            row["WithGoals"] = goals.PeopleWithGoals;
            row["Progress"] = MemoryMarshal.AsBytes(goals.Progress.AsSpan()).ToArray();
        }
        return row;
    }

    public async Task SaveGoalStockAsync(PersonGoalStock stock, CancellationToken cancellationToken)
    {
        if (stock.ActiveProgress.Count == 0)
        {
            await Table.DeleteIfExistsAsync(GoalStockPartition, Escape(stock.UserId), cancellationToken);
            return;
        }
        var progress = stock.ActiveProgress.Select(p => (byte)Math.Clamp(p, 0, 100)).ToArray();
        await Table.UpsertEntityAsync(new TableEntity(GoalStockPartition, Escape(stock.UserId)) { ["Progress"] = progress }, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<PersonGoalStock> ListGoalStocksAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == GoalStockPartition, cancellationToken: cancellationToken))
            yield return new PersonGoalStock(Uri.UnescapeDataString(row.RowKey), [.. (row.GetBinary("Progress") ?? []).Select(b => (int)b)]);
    }

    public async Task<int> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await Table.DeleteIfExistsAsync(GoalStockPartition, Escape(userId), cancellationToken);
        return 0; // derived from the goals, which the log counts
    }

    private static IEnumerable<DailyTally> DaysOf(string group, int year, int[] counts, DateOnly firstDay, DateOnly lastDay)
    {
        var first = new DateOnly(year, 1, 1);
        for (var i = 0; i < DaysPerYear; i++)
        {
            var day = first.AddDays(i);
            if (day.Year != year || day < firstDay || day > lastDay)
                continue;
            var slice = counts.AsSpan(i * TallyCounts.Width, TallyCounts.Width);
            if (slice.ContainsAnyExcept(0))
                yield return new DailyTally(group, day, TallyCounts.Read(slice));
        }
    }

    /// <summary>The kind of a group key: <c>org</c>, <c>dept</c>, <c>tree</c>, <c>cadence</c>.</summary>
    private static string KindOf(string group) => group.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? group[..colon] : group;

    private static string Partition(string group, int year) => KindOf(group) + "|" + year.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string group) => Uri.EscapeDataString(group);

    /// <summary>A row's counts in the current layout (an empty year when there is no row yet).</summary>
    private static int[] Counts(byte[]? days) =>
        days is null ? new int[DaysPerYear * TallyCounts.Width] : TallyCounts.Widen(MemoryMarshal.Cast<byte, int>(days.AsSpan()).ToArray(), DaysPerYear);

    private static byte[] Hash(string foldId) => SHA256.HashData(Encoding.UTF8.GetBytes(foldId))[..HashLength];

    private static bool Contains(byte[] ring, byte[] hash)
    {
        for (var offset = 0; offset < ring.Length; offset += HashLength)
        {
            if (ring.AsSpan(offset, HashLength).SequenceEqual(hash))
                return true;
        }
        return false;
    }
}
