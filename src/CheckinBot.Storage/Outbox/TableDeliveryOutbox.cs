using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Messaging;

namespace CheckinBot.Storage.Outbox;

/// <summary>
/// One partition of the outbox table per kind, a row per item (<c>{userId}|{itemId}</c>) with when it was noted and when
/// it is due; a sweep asks the service for due rows only, so items put off for an hour never crowd out new ones.
/// </summary>
internal sealed class TableDeliveryOutbox(CheckinTables tables, TimeProvider timeProvider) : IDeliveryOutbox, IPersonalDataEraser
{
    public async Task NoteAsync(OutboxKind kind, string userId, string itemId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await tables.Outbox.UpsertEntityAsync(
            new TableEntity(Partition(kind), Key(userId, itemId)) { ["NotedAt"] = now, ["DueAt"] = now },
            TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListDueAsync(OutboxKind kind, int max, CancellationToken cancellationToken)
    {
        var entries = new List<OutboxEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(kind)} and DueAt le {timeProvider.GetUtcNow()}");
        await foreach (var row in tables.Outbox.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            if (row.RowKey.Split('|') is [var userId, var itemId])
                entries.Add(new OutboxEntry(kind, userId, itemId, row.GetDateTimeOffset("NotedAt") ?? DateTimeOffset.MinValue));
            if (entries.Count >= max)
                break;
        }
        return entries;
    }

    public async Task PostponeAsync(OutboxEntry entry, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        try
        {
            // An update, not an upsert: an entry forgotten meanwhile (delivered by another instance) is not brought back.
            await tables.Outbox.UpdateEntityAsync(
                new TableEntity(Partition(entry.Kind), Key(entry.OwnerId, entry.ItemId)) { ["DueAt"] = dueAt }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // forgotten meanwhile
        }
    }

    public Task ForgetAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
        tables.Outbox.DeleteIfExistsAsync(Partition(entry.Kind), Key(entry.OwnerId, entry.ItemId), cancellationToken);

    /// <summary>The person's entries point to items erased with their log.</summary>
    public async Task<int> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        foreach (var kind in Enum.GetValues<OutboxKind>())
            await tables.Outbox.DeleteRowsAsync(Partition(kind), userId + "|", cancellationToken);
        return 0; // pointers, not records: the count stays the log's
    }

    // "share" predates the other kinds: entries written before the outbox had kinds keep working.
    private static string Partition(OutboxKind kind) => kind switch
    {
        OutboxKind.Summary => "share",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Key(string userId, string itemId) => $"{userId}|{itemId}";
}
