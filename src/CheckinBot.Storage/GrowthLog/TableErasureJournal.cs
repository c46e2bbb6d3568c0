using Azure.Data.Tables;
using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>Erasures in progress: one partition of the outbox table, holding only person ids and start times.</summary>
internal sealed class TableErasureJournal(CheckinTables tables, TimeProvider timeProvider) : IErasureJournal
{
    private const string Partition = "erase";

    public Task BeginAsync(string userId, CancellationToken cancellationToken) =>
        tables.Outbox.UpsertEntityAsync(new TableEntity(Partition, userId) { ["BegunAt"] = timeProvider.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);

    public Task CompleteAsync(string userId, CancellationToken cancellationToken) =>
        tables.Outbox.DeleteIfExistsAsync(Partition, userId, cancellationToken);

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
