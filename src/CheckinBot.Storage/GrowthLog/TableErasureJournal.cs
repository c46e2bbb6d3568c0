using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>Erasures in progress: one partition of the outbox table, holding only person ids and start times.</summary>
internal sealed class TableErasureJournal(CheckinTables tables, TimeProvider timeProvider) : IErasureJournal
{
    private const string Partition = "erase";

    public Task BeginAsync(string userId, CancellationToken cancellationToken) =>
        tables.Outbox.UpsertEntityAsync(new TableEntity(Partition, userId) { ["BegunAt"] = timeProvider.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);

    public async Task CompleteAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Outbox.DeleteEntityAsync(Partition, userId, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // finished by another instance
        }
    }

    public async Task<IReadOnlyList<string>> ListUnfinishedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var users = new List<string>();
        await foreach (var row in tables.Outbox.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("BegunAt") is not { } begun || begun < before)
                users.Add(row.RowKey);
        }
        return users;
    }
}
