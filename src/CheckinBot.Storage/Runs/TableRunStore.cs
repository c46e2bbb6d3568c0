using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Runs;

namespace CheckinBot.Storage.Runs;

/// <summary>
/// <c>{prefix}runs</c>: a partition per run holding the run (row <c>run</c>), each person's place in it (<c>p-{userId}</c>:
/// its chunk, inserted once, so nobody is in a run twice), the recipients by chunk (<c>r-{chunk:D6}-{userId}</c>: a chunk
/// is one range read and one transaction) and a tally per finished chunk (<c>t-{chunk:D6}</c>: progress is one small range).
/// </summary>
internal sealed class TableRunStore(CheckinTables tables) : IRunStore, IRunRecipientStore, IRunTallyStore, IDeadLetterStore
{
    private const string RunRow = "run";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TableClient Table => tables.Runs;

    public Task<bool> TryAddRunAsync(CadenceRun run, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(run.RunId, RunRow, run with { Version = null }), null, cancellationToken);

    public async Task<CadenceRun?> FindRunAsync(string runId, CancellationToken cancellationToken) =>
        await FindAsync<CadenceRun>(runId, RunRow, cancellationToken) is var (run, version) && run is not null ? run with { Version = version } : null;

    public Task<bool> TrySaveRunAsync(CadenceRun run, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(run.RunId, RunRow, run with { Version = null }), run.Version, cancellationToken);

    /// <summary>One transaction for the whole chunk (place + recipient per person); when someone is there already, person by person.</summary>
    public async Task<IReadOnlySet<int>> AddChunkAsync(string runId, int chunk, IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken)
    {
        var toSend = new HashSet<int>();
        try
        {
            await Table.SubmitTransactionAsync(recipients.SelectMany(AddActions), cancellationToken);
            toSend.Add(chunk);
            return toSend;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // A replanned run: keep everyone where they already are.
        }
        foreach (var recipient in recipients)
        {
            try
            {
                await Table.SubmitTransactionAsync(AddActions(recipient), cancellationToken);
                toSend.Add(chunk);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                if (await ChunkOfAsync(runId, recipient.UserId, cancellationToken) is { } existing)
                    toSend.Add(existing);
            }
        }
        return toSend;
    }

    private static IEnumerable<TableTransactionAction> AddActions(RunRecipient recipient)
    {
        yield return new(TableTransactionActionType.Add, new TableEntity(recipient.RunId, PlaceRow(recipient.UserId)) { ["Chunk"] = recipient.Chunk });
        yield return new(TableTransactionActionType.Add, Row(recipient.RunId, RecipientRow(recipient.Chunk, recipient.UserId), recipient with { Version = null }));
    }

    public async Task<IReadOnlyList<RunRecipient>> ListChunkAsync(string runId, int chunk, CancellationToken cancellationToken) =>
        [.. (await ListAsync(runId, RecipientRow(chunk, ""), cancellationToken)).Select(Recipient)];

    public async Task<IReadOnlyList<RunRecipient>?> TrySaveChunkAsync(IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken)
    {
        var responses = await Table.TrySubmitAsync(recipients.Select(r => new TableTransactionAction(
            TableTransactionActionType.UpdateReplace, Row(r.RunId, RecipientRow(r.Chunk, r.UserId), r with { Version = null }), new ETag(r.Version!))), cancellationToken);
        return responses is null ? null : [.. recipients.Select((r, i) => r with { Version = responses[i].Headers.ETag?.ToString() })];
    }

    public Task<string?> TrySaveRecipientAsync(RunRecipient recipient, CancellationToken cancellationToken) =>
        Table.TryWriteVersionAsync(Row(recipient.RunId, RecipientRow(recipient.Chunk, recipient.UserId), recipient with { Version = null }), recipient.Version, cancellationToken);

    public async Task<RunRecipient?> FindRecipientAsync(string runId, string userId, CancellationToken cancellationToken) =>
        await ChunkOfAsync(runId, userId, cancellationToken) is { } chunk
            && await FindAsync<RunRecipient>(runId, RecipientRow(chunk, userId), cancellationToken) is ({ } recipient, var version)
            ? recipient with { Version = version }
            : null;

    private async Task<int?> ChunkOfAsync(string runId, string userId, CancellationToken cancellationToken)
    {
        if (!TableKeys.AreValid(runId, PlaceRow(userId)))
            return null;
        var place = await Table.GetEntityIfExistsAsync<TableEntity>(runId, PlaceRow(userId), cancellationToken: cancellationToken);
        return place.HasValue ? place.Value!.GetInt32("Chunk") : null;
    }

    /// <summary>Partition <c>latest</c> of the runs table: a row per cadence naming its newest run.</summary>
    public Task SaveLatestRunAsync(string cadenceId, string runId, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity("latest", cadenceId) { ["RunId"] = runId }, TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> FindLatestRunIdAsync(string cadenceId, CancellationToken cancellationToken) =>
        TableKeys.IsValid(cadenceId) && await Table.GetEntityIfExistsAsync<TableEntity>("latest", cadenceId, cancellationToken: cancellationToken) is { HasValue: true } row
            ? row.Value!.GetString("RunId")
            : null;

    /// <summary>Partition <c>run-now</c>: a row per cadence naming its newest "run now", written conditionally (one run at a time).</summary>
    public async Task<LatestRun?> FindLatestRunNowAsync(string cadenceId, CancellationToken cancellationToken) =>
        TableKeys.IsValid(cadenceId) && await Table.GetEntityIfExistsAsync<TableEntity>("run-now", cadenceId, cancellationToken: cancellationToken) is { HasValue: true } row
            ? new LatestRun(row.Value!.GetString("RunId"), row.Value.ETag.ToString())
            : null;

    public Task<bool> TrySaveLatestRunNowAsync(string cadenceId, string runId, LatestRun? expected, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(new TableEntity("run-now", cadenceId) { ["RunId"] = runId }, expected?.Version, cancellationToken);

    public async Task DeleteUnplannedRunAsync(string runId, CancellationToken cancellationToken)
    {
        if (await FindRunAsync(runId, cancellationToken) is not { PlannedAt: null, Version: { } version })
            return;
        try
        {
            await Table.DeleteEntityAsync(runId, RunRow, new ETag(version), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // gone already, or planned meanwhile: then it is a real run and stays
        }
    }

    /// <summary><c>{prefix}deadletters</c>: partition = run, row = person; written again by a retry, never twice.</summary>
    public Task AddDeadLetterAsync(RunRecipient recipient, CancellationToken cancellationToken) =>
        tables.DeadLetters.UpsertEntityAsync(Row(recipient.RunId, recipient.UserId, recipient with { Version = null }), TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<RunRecipient>> ListDeadLettersAsync(string runId, CancellationToken cancellationToken)
    {
        var letters = new List<RunRecipient>();
        if (!TableKeys.IsValid(runId))
            return letters;
        await foreach (var row in tables.DeadLetters.QueryAsync<TableEntity>(e => e.PartitionKey == runId, cancellationToken: cancellationToken))
            letters.Add(JsonSerializer.Deserialize<RunRecipient>(row.GetString("Data"), Json)!);
        return letters;
    }

    public Task SaveTallyAsync(string runId, ChunkTally tally, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(Row(runId, TallyRow(tally.Chunk), tally), TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<ChunkTally>> ListTalliesAsync(string runId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(runId, "t-", cancellationToken)).Select(row => JsonSerializer.Deserialize<ChunkTally>(row.GetString("Data"), Json)!)];

    private static string PlaceRow(string userId) => "p-" + userId;

    private static string RecipientRow(int chunk, string userId) => $"r-{chunk.ToString("D6", CultureInfo.InvariantCulture)}-{userId}";

    private static string TallyRow(int chunk) => "t-" + chunk.ToString("D6", CultureInfo.InvariantCulture);

    private static RunRecipient Recipient(TableEntity row) =>
        JsonSerializer.Deserialize<RunRecipient>(row.GetString("Data"), Json)! with { Version = row.ETag.ToString() };

    /// <summary>Rows whose key starts with <paramref name="prefix"/>.</summary>
    private async Task<List<TableEntity>> ListAsync(string runId, string prefix, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        if (!TableKeys.IsValid(runId))
            return rows;
        await foreach (var row in Table.QueryAsync<TableEntity>(TableKeys.PrefixFilter(runId, prefix), cancellationToken: cancellationToken))
            rows.Add(row);
        return rows;
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
