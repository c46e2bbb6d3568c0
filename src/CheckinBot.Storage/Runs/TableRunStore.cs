using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Runs;

namespace CheckinBot.Storage.Runs;

/// <summary>
/// <c>{prefix}runs</c>: a partition per run, the run itself in row <c>run</c> and each recipient in <c>r-{userId}</c>, so a
/// recipient can only ever be written once per run and the run's progress is one partition query.
/// </summary>
internal sealed class TableRunStore(CheckinTables tables) : IRunStore
{
    private const string RunRow = "run";
    private const string RecipientPrefix = "r-";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TableClient Table => tables.Runs;

    public Task<bool> TryAddRunAsync(CadenceRun run, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(run.RunId, RunRow, run with { Version = null }), null, cancellationToken);

    public async Task<CadenceRun?> FindRunAsync(string runId, CancellationToken cancellationToken) =>
        await FindAsync<CadenceRun>(runId, RunRow, cancellationToken) is var (run, version) && run is not null ? run with { Version = version } : null;

    public Task<bool> TrySaveRunAsync(CadenceRun run, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(run.RunId, RunRow, run with { Version = null }), run.Version, cancellationToken);

    /// <summary>One transaction per 100 (a run is one partition); when some exist already (a replanned run), one by one.</summary>
    public async Task<int> AddRecipientsAsync(IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var chunk in recipients.Chunk(100))
        {
            var rows = chunk.Select(r => Row(r.RunId, RecipientPrefix + r.UserId, r with { Version = null })).ToList();
            try
            {
                await Table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
                added += rows.Count;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                foreach (var row in rows)
                    added += await Table.TryWriteAsync(row, null, cancellationToken) ? 1 : 0;
            }
        }
        return added;
    }

    public async Task<RunRecipient?> FindRecipientAsync(string runId, string userId, CancellationToken cancellationToken) =>
        await FindAsync<RunRecipient>(runId, RecipientPrefix + userId, cancellationToken) is var (recipient, version) && recipient is not null
            ? recipient with { Version = version }
            : null;

    public Task<bool> TrySaveRecipientAsync(RunRecipient recipient, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(recipient.RunId, RecipientPrefix + recipient.UserId, recipient with { Version = null }), recipient.Version, cancellationToken);

    public async Task<IReadOnlyList<RunRecipient>> ListRecipientsAsync(string runId, CancellationToken cancellationToken)
    {
        var recipients = new List<RunRecipient>();
        if (!TableKeys.IsValid(runId))
            return recipients;
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == runId && e.RowKey.CompareTo(RecipientPrefix) >= 0 && e.RowKey.CompareTo("r.") < 0, cancellationToken: cancellationToken))
            recipients.Add(JsonSerializer.Deserialize<RunRecipient>(row.GetString("Data"), Json)!);
        return recipients;
    }

    private async Task<(T? Value, string? Version)> FindAsync<T>(string partition, string row, CancellationToken cancellationToken) where T : class
    {
        if (!TableKeys.AreValid(partition, row))
            return (null, null);
        var entity = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return entity.HasValue ? (JsonSerializer.Deserialize<T>(entity.Value!.GetString("Data"), Json), entity.Value.ETag.ToString()) : (null, null);
    }

    private static TableEntity Row(string partition, string row, object data) =>
        new(partition, row) { ["Data"] = JsonSerializer.Serialize(data, data.GetType(), Json) };
}
