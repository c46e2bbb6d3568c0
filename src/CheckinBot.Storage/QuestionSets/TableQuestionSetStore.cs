using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Storage.QuestionSets;

/// <summary>
/// PartitionKey = set id, RowKey = version as 10 digits (so keys sort by version), Data = the set as JSON. The latest
/// version is remembered for a few seconds: every new check-in asks for it, and a fan-out starts thousands a minute.
/// </summary>
internal sealed class TableQuestionSetStore(CheckinTables tables, TimeProvider timeProvider) : IQuestionSetStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (QuestionSet? Set, DateTimeOffset ReadAt)> _latest = new();

    public async Task<QuestionSet?> FindLatestAsync(string questionSetId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_latest.TryGetValue(questionSetId, out var known) && now - known.ReadAt < RememberFor)
            return known.Set;
        var set = await ReadLatestAsync(questionSetId, cancellationToken);
        _latest[questionSetId] = (set, now);
        return set;
    }

    private async Task<QuestionSet?> ReadLatestAsync(string questionSetId, CancellationToken cancellationToken)
    {
        TableEntity? latest = null;
        await foreach (var row in tables.QuestionSets.QueryAsync<TableEntity>(e => e.PartitionKey == questionSetId, cancellationToken: cancellationToken))
        {
            if (latest is null || string.CompareOrdinal(row.RowKey, latest.RowKey) > 0)
                latest = row;
        }
        return latest is null ? null : JsonSerializer.Deserialize<QuestionSet>(latest.GetString("Data"), Json);
    }

    public async Task<IReadOnlyList<QuestionSet>> ListLatestAsync(CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in tables.QuestionSets.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (!latest.TryGetValue(row.PartitionKey, out var known) || string.CompareOrdinal(row.RowKey, known.RowKey) > 0)
                latest[row.PartitionKey] = row;
        }
        return [.. latest.Values.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).Select(r => JsonSerializer.Deserialize<QuestionSet>(r.GetString("Data"), Json)!)];
    }

    public async Task<bool> TryAddVersionAsync(QuestionSet questionSet, CancellationToken cancellationToken)
    {
        _latest.TryRemove(questionSet.Id, out _);
        return await tables.QuestionSets.TryWriteAsync(
            new TableEntity(questionSet.Id, questionSet.Version.ToString("D10", CultureInfo.InvariantCulture))
            {
                ["Data"] = JsonSerializer.Serialize(questionSet, Json),
            },
            version: null, // versions are only ever added
            cancellationToken);
    }
}
