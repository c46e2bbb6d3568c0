using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Org;

namespace CheckinBot.Storage.Org;

/// <summary>
/// The org chart cached in Table Storage (the <c>Graph</c> source), as docs/data-model.md lays out: a profile row per
/// person, a direct-reports index per manager and a name-word index for the colleague picker. The indexes are hints:
/// every read is checked against the profile, so an index row left behind by an interrupted sync cannot mislead.
/// A person read by <see cref="FindAsync"/> is remembered in memory for <see cref="RememberedFor"/> (a turn asks for
/// the same people several times, and most turns for someone: storage is the turn's bottleneck); a write through this
/// instance forgets them at once, a sync on another instance shows within that minute. The sync's own reads
/// (<see cref="FindManyAsync"/>) always go to the table, so the index rows it moves are the stored ones.
/// </summary>
internal sealed class TablePeopleDirectory(CheckinTables tables, TimeProvider timeProvider) : IOrgDirectory, IOrgChartStore
{
    public static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 100_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Remembered> _recent = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Remembered(Person Person, DateTimeOffset ReadAt);

    private const string SyncPartition = "sync";
    private const string SyncRow = "token";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => tables.People;

    public async Task<Person?> FindAsync(string personId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_recent.TryGetValue(personId, out var known) && now - known.ReadAt < RememberedFor)
            return known.Person;
        var person = await ReadAsync(personId, cancellationToken);
        if (person is not null)
        {
            if (_recent.Count >= MaxRemembered)
                _recent.Clear();
            _recent[personId] = new Remembered(person, now);
        }
        return person;
    }

    private async Task<Person?> ReadAsync(string personId, CancellationToken cancellationToken)
    {
        if (!IsKeySafe(personId))
            return null;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(ProfilePartition(personId), personId.ToLowerInvariant(), cancellationToken: cancellationToken);
        return row.HasValue ? JsonSerializer.Deserialize<Person>(row.Value!.GetString("Data"), Json) : null;
    }

    public async Task<IReadOnlyList<Person>> DirectReportsAsync(string managerId, CancellationToken cancellationToken)
    {
        var ids = await KeysAsync(ReportsPartition(managerId), null, cancellationToken);
        var people = await FindEachAsync(ids, cancellationToken);
        return [.. people.Where(p => string.Equals(p.ManagerId, managerId, StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<IReadOnlyList<Person>> SearchAsync(string text, int max, CancellationToken cancellationToken)
    {
        var words = PersonNames.Normalize(text).Select(Sanitize).Where(w => w.Length > 0).ToArray();
        if (words.Length == 0)
            return [];
        var first = words.OrderByDescending(w => w.Length).First();
        var rows = await KeysAsync(NamePartition(first), first, cancellationToken);
        var ids = rows.Select(r => r[(r.IndexOf('|', StringComparison.Ordinal) + 1)..]).Distinct().Take(max * 5).ToList();
        var people = await FindEachAsync(ids, cancellationToken);
        return [.. people.Where(p => p.Enabled && PersonNames.Matches(p, text)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Take(max)];
    }

    public async IAsyncEnumerable<Person> ListEveryoneAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Profile partitions are "p-" + two characters: the range ["p-", "p.") holds them all, read page by page.
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo("p-") >= 0 && e.PartitionKey.CompareTo("p.") < 0, cancellationToken: cancellationToken))
        {
            if (JsonSerializer.Deserialize<Person>(row.GetString("Data"), Json) is { } person)
                yield return person;
        }
    }

    public async Task<string?> FindSyncTokenAsync(CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(SyncPartition, SyncRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetString("Data") : null;
    }

    public Task SaveSyncTokenAsync(string? token, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(SyncPartition, SyncRow) { ["Data"] = token }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyDictionary<string, Person>> FindManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        (await FindEachAsync([.. ids.Distinct(StringComparer.OrdinalIgnoreCase)], cancellationToken)).ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);

    public async Task ApplyAsync(IReadOnlyList<PersonChange> changes, IReadOnlyDictionary<string, Person> before, CancellationToken cancellationToken)
    {
        var valid = changes.Where(c => IsKeySafe(c.Id)).GroupBy(c => c.Id.ToLowerInvariant()).Select(g => g.Last()).ToList();

        var upserts = new List<TableEntity>();
        var deletes = new List<(string Partition, string Row)>();
        foreach (var change in valid)
        {
            var id = change.Id.ToLowerInvariant();
            var old = before.GetValueOrDefault(id);
            // A person removed from the directory stays as a disabled profile, so their name still reads in history.
            var now = change.Current is { } current ? current with { Id = id, ManagerId = current.ManagerId?.ToLowerInvariant() }
                : (old ?? new Person { Id = id }) with { Enabled = false, ManagerId = null };
            upserts.Add(new TableEntity(ProfilePartition(id), id) { ["Data"] = JsonSerializer.Serialize(now, Json) });

            var oldIndex = old is null ? [] : IndexRows(old).ToHashSet();
            var newIndex = IndexRows(now).ToHashSet();
            upserts.AddRange(newIndex.Except(oldIndex).Select(k => new TableEntity(k.Partition, k.Row)));
            deletes.AddRange(oldIndex.Except(newIndex));
        }
        await SubmitAsync(upserts.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        await SubmitAsync(deletes.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Partition, k.Row), ETag.All)), cancellationToken);
        foreach (var change in valid)
            _recent.TryRemove(change.Id, out _);
    }

    /// <summary>The index rows a profile should have: under its manager, and under each word of its name.</summary>
    private static IEnumerable<(string Partition, string Row)> IndexRows(Person person)
    {
        if (!person.Enabled)
            yield break;
        if (person.ManagerId is { } manager && IsKeySafe(manager))
            yield return (ReportsPartition(manager), person.Id);
        foreach (var token in PersonNames.Tokens(person).Select(Sanitize).Where(t => t.Length > 0).Distinct())
            yield return (NamePartition(token), $"{token}|{person.Id}");
    }

    /// <summary>Entity-group transactions of up to 100 rows per partition; a row already gone is not an error.</summary>
    private async Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var batches = actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            try
            {
                await Table.SubmitTransactionAsync(batch, ct);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var action in batch)
                    await Table.DeleteIfExistsAsync(action.Entity.PartitionKey, action.Entity.RowKey, ct);
            }
        });
    }

    private async Task<List<Person>> FindEachAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var found = new Person?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await ReadAsync(ids[i], ct));
        return [.. found.OfType<Person>()];
    }

    /// <summary>Row keys of a partition, optionally only those starting with <paramref name="prefix"/>.</summary>
    private async Task<List<string>> KeysAsync(string partition, string? prefix, CancellationToken cancellationToken)
    {
        var filter = prefix is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var keys = new List<string>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            keys.Add(row.RowKey);
        return keys;
    }

    private static string ProfilePartition(string id) => "p-" + id[..Math.Min(2, id.Length)].ToLowerInvariant();

    private static string ReportsPartition(string managerId) => "r-" + managerId.ToLowerInvariant();

    private static string NamePartition(string token) => "n-" + token[0];

    /// <summary>Ids become keys: only the characters Entra object ids use, so no key can hold / \ # ? or controls.</summary>
    private static bool IsKeySafe(string id) => OrgCsv.IsObjectId(id);

    private static string Sanitize(string token) => new([.. token.Where(char.IsLetterOrDigit).Take(40)]);
}
