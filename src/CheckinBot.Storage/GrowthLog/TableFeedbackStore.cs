using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.GrowthLog;
using static CheckinBot.Storage.GrowthLog.GrowthLogRows;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// Notes live in the recipient's partition and requests in the requester's, so answering a request stores the note and
/// closes the request in one transaction, and each item's delivery row commits with it. Open requests are also indexed
/// by the person asked in the outbox table; the index is a hint, always checked against the request itself.
/// </summary>
internal sealed class TableFeedbackStore(CheckinTables tables) : IFeedbackStore, IFeedbackDeliveryStore, IPersonalDataEraser
{
    private const string OpenAsksPartition = "asks";

    private TableClient Table => tables.GrowthLog;

    public async Task<bool> TryAddNoteAsync(FeedbackNote note, FeedbackAsk? answered, FeedbackDelivery delivery, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, Row(note.ToUserId, GrowthLogEntity.FeedbackPrefix + note.Id, note with { Version = null })),
            new(TableTransactionActionType.Add, DeliveryRow(delivery)),
        };
        if (answered is not null)
            actions.Add(new(TableTransactionActionType.UpdateReplace, Row(answered.RequesterId, GrowthLogEntity.AskPrefix + answered.Id, answered with { Version = null }), new ETag(answered.Version!)));
        if (await Table.TrySubmitAsync(actions, cancellationToken) is null)
            return false;
        if (answered is not null)
            await UnindexAsync(answered, cancellationToken);
        return true;
    }

    public async Task<FeedbackNote?> FindNoteAsync(string userId, string noteId, CancellationToken cancellationToken) =>
        await Table.FindAsync<FeedbackNote>(userId, GrowthLogEntity.FeedbackPrefix + noteId, cancellationToken) is ({ } note, var version)
            ? note with { Version = version }
            : null;

    public async Task<IReadOnlyList<FeedbackNote>> ListNotesAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await Table.ListAsync(userId, GrowthLogEntity.FeedbackPrefix, cancellationToken)).Select(e => Read<FeedbackNote>(e) with { Version = e.ETag.ToString() })];

    public Task<bool> TrySaveNoteAsync(FeedbackNote note, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(note.ToUserId, GrowthLogEntity.FeedbackPrefix + note.Id, note with { Version = null }), note.Version, cancellationToken);

    public async Task<bool> TryAddAskAsync(FeedbackAsk ask, FeedbackDelivery? delivery, CancellationToken cancellationToken)
    {
        // Indexed first: an index entry without its request is ignored (and cleaned) by readers.
        await tables.Outbox.UpsertEntityAsync(new TableEntity(OpenAsksPartition, IndexKey(ask)), TableUpdateMode.Replace, cancellationToken);
        var row = Row(ask.RequesterId, GrowthLogEntity.AskPrefix + ask.Id, ask with { Version = null });
        return delivery is null
            ? await Table.TryWriteAsync(row, null, cancellationToken)
            : await Table.TrySubmitAsync([new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, DeliveryRow(delivery))], cancellationToken) is not null;
    }

    public async Task<FeedbackDelivery?> FindDeliveryAsync(string ownerId, string itemId, CancellationToken cancellationToken) =>
        await Table.FindAsync<FeedbackDelivery>(ownerId, GrowthLogEntity.FeedbackDeliveryPrefix + itemId, cancellationToken) is ({ } delivery, var version)
            ? delivery with { Version = version }
            : null;

    public Task<bool> TrySaveDeliveryAsync(FeedbackDelivery delivery, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(DeliveryRow(delivery), delivery.Version ?? "*", cancellationToken);

    /// <summary>The index entries of requests addressed to the person (their own requests went with their log).</summary>
    public async Task<int> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await tables.Outbox.DeleteRowsAsync(OpenAsksPartition, userId + "|", cancellationToken);
        return 0; // pointers, not records: the count stays the log's
    }

    public async Task<FeedbackAsk?> FindAskAsync(string requesterId, string askId, CancellationToken cancellationToken) =>
        await Table.FindAsync<FeedbackAsk>(requesterId, GrowthLogEntity.AskPrefix + askId, cancellationToken) is ({ } ask, var version)
            ? ask with { Version = version }
            : null;

    public Task<bool> TrySaveAskAsync(FeedbackAsk ask, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(ask.RequesterId, GrowthLogEntity.AskPrefix + ask.Id, ask with { Version = null }), ask.Version, cancellationToken);

    public async Task<IReadOnlyList<FeedbackAsk>> ListAsksByAsync(string requesterId, CancellationToken cancellationToken) =>
        [.. (await Table.ListAsync(requesterId, GrowthLogEntity.AskPrefix, cancellationToken)).Select(e => Read<FeedbackAsk>(e) with { Version = e.ETag.ToString() })];

    public Task<IReadOnlyList<FeedbackAsk>> ListOpenAsksForAsync(string askedUserId, CancellationToken cancellationToken) =>
        OpenAsksAsync(askedUserId + "|", int.MaxValue, cancellationToken);

    public Task<IReadOnlyList<FeedbackAsk>> ListOpenAsksAsync(int max, CancellationToken cancellationToken) =>
        OpenAsksAsync(null, max, cancellationToken);

    private async Task<IReadOnlyList<FeedbackAsk>> OpenAsksAsync(string? prefix, int max, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var rows = prefix is null
            ? tables.Outbox.QueryAsync<TableEntity>(e => e.PartitionKey == OpenAsksPartition, select: ["RowKey"], cancellationToken: cancellationToken)
            : tables.Outbox.QueryAsync<TableEntity>(e => e.PartitionKey == OpenAsksPartition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0, select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            keys.Add(row.RowKey);
            if (keys.Count >= max)
                break;
        }
        var open = new List<FeedbackAsk>();
        foreach (var key in keys)
        {
            var parts = key.Split('|');
            var ask = parts.Length == 3 ? await FindAskAsync(parts[1], parts[2], cancellationToken) : null;
            if (ask is { IsOpen: true })
                open.Add(ask);
            else
                await UnindexAsync(key, cancellationToken); // answered, or erased with its requester's data
        }
        return open;
    }

    private Task UnindexAsync(FeedbackAsk ask, CancellationToken cancellationToken) => UnindexAsync(IndexKey(ask), cancellationToken);

    private Task UnindexAsync(string key, CancellationToken cancellationToken) =>
        tables.Outbox.DeleteIfExistsAsync(OpenAsksPartition, key, cancellationToken);

    private static string IndexKey(FeedbackAsk ask) => $"{ask.AskedUserId}|{ask.RequesterId}|{ask.Id}";

    private static GrowthLogEntity DeliveryRow(FeedbackDelivery delivery) =>
        Row(delivery.OwnerId, GrowthLogEntity.FeedbackDeliveryPrefix + delivery.ItemId, delivery with { Version = null });
}
