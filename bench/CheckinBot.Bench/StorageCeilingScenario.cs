using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using CheckinBot.TestKit;

namespace CheckinBot.Bench;

/// <summary>Storage alone doing what one fan-out send does to it, as fast as it goes.</summary>
/// <param name="SendsPerSecond">Sends' worth of storage operations per second: the ceiling storage puts on a fan-out.</param>
/// <param name="AzuritePercent">Azurite's CPU over the run, in % of one core.</param>
public sealed record StorageCeilingResult(int People, int InFlight, double Seconds, double SendsPerSecond, double OperationsPerSecond, double AzuritePercent);

/// <summary>
/// The storage side of a send without the bot: for each person, the four operations a send makes on the hot path
/// (the person's log as one range read, the draft insert, the registration read, the outcome write), 32 people at
/// a time as the senders do. If this ceiling is close to what the whole fan-out achieves, storage is what bounds it.
/// </summary>
public static class StorageCeilingScenario
{
    private const int OperationsPerSend = 4;
    private static readonly string Draft = new('d', 1500);
    private static readonly string Outcome = new('o', 400);

    public static async Task<StorageCeilingResult> RunAsync(AzuriteFixture azurite, int people, CancellationToken cancellationToken)
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var prefix = "s" + Guid.NewGuid().ToString("N")[..10];
        var (registrations, growthlog, runs) = (service.GetTableClient(prefix + "registrations"), service.GetTableClient(prefix + "growthlog"), service.GetTableClient(prefix + "runs"));
        foreach (var table in new[] { registrations, growthlog, runs })
            await table.CreateIfNotExistsAsync(cancellationToken);
        var ids = Enumerable.Range(0, people).Select(i => $"00000000-0000-0000-0000-{i:D12}").ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, ct) =>
            await registrations.AddEntityAsync(new TableEntity(id, "chat-" + id) { ["ConversationId"] = "a:" + id, ["ServiceUrl"] = "http://127.0.0.1/" }, ct));
        foreach (var chunk in ids.Chunk(50))
        {
            await runs.SubmitTransactionAsync(chunk.Select(id => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("run", "r-" + id) { ["Data"] = Outcome })), cancellationToken);
        }

        using var azuriteProcess = Process.GetProcessById(azurite.ProcessId);
        var cpuBefore = azuriteProcess.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            await foreach (var row in growthlog.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {"checkin-"} and RowKey le {"preferences-" + id}"), cancellationToken: ct))
            {
                _ = row;
            }
            await growthlog.AddEntityAsync(new TableEntity(id, "draft-" + id) { ["Data"] = Draft }, ct);
            await registrations.GetEntityAsync<TableEntity>(id, "chat-" + id, cancellationToken: ct);
            await runs.UpdateEntityAsync(new TableEntity("run", "r-" + id) { ["Data"] = Outcome + "sent" }, ETag.All, TableUpdateMode.Replace, ct);
        });
        var seconds = watch.Elapsed.TotalSeconds;
        azuriteProcess.Refresh();
        var cpu = (azuriteProcess.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new StorageCeilingResult(people, 32, seconds, people / seconds, people * OperationsPerSend / seconds, 100 * cpu / seconds);
    }
}
