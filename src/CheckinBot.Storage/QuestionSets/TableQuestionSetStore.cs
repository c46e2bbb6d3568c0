using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CheckinBot.Core.CheckIns;

namespace CheckinBot.Storage.QuestionSets;

/// <summary>PartitionKey = set id, RowKey = version as 10 digits (so keys sort by version), Data = the set as JSON.</summary>
internal sealed class TableQuestionSetStore(CheckinTables tables) : IQuestionSetStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<QuestionSet?> FindLatestAsync(string questionSetId, CancellationToken cancellationToken)
    {
        TableEntity? latest = null;
        await foreach (var row in tables.QuestionSets.QueryAsync<TableEntity>(e => e.PartitionKey == questionSetId, cancellationToken: cancellationToken))
        {
            if (latest is null || string.CompareOrdinal(row.RowKey, latest.RowKey) > 0)
                latest = row;
        }
        return latest is null ? null : JsonSerializer.Deserialize<QuestionSet>(latest.GetString("Data"), Json);
    }

    public Task<bool> TryAddVersionAsync(QuestionSet questionSet, CancellationToken cancellationToken) =>
        tables.QuestionSets.TryWriteAsync(
            new TableEntity(questionSet.Id, questionSet.Version.ToString("D10", CultureInfo.InvariantCulture))
            {
                ["Data"] = JsonSerializer.Serialize(questionSet, Json),
            },
            version: null, // versions are only ever added
            cancellationToken);
}
