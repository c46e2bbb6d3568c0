using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Managers;
using static CheckinBot.Storage.GrowthLog.GrowthLogRows;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// Hand-offs live in the person's growth-log partition (written in the check-in's own transaction); the pending list
/// is one partition of the outbox table, so any instance finds undelivered ones without scanning everyone's log.
/// </summary>
internal sealed class TableShareHandoffStore(CheckinTables tables, TimeProvider timeProvider) : IShareHandoffStore
{
    private const string PendingPartition = "share";

    public async Task NotePendingAsync(string userId, string checkinId, CancellationToken cancellationToken) =>
        await tables.Outbox.UpsertEntityAsync(
            new TableEntity(PendingPartition, PendingKey(userId, checkinId)) { ["NotedAt"] = timeProvider.GetUtcNow() },
            TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<PendingShare>> ListPendingAsync(int max, CancellationToken cancellationToken)
    {
        var pending = new List<PendingShare>();
        await foreach (var row in tables.Outbox.QueryAsync<TableEntity>(e => e.PartitionKey == PendingPartition, maxPerPage: max, cancellationToken: cancellationToken))
        {
            var parts = row.RowKey.Split('|');
            pending.Add(new PendingShare(parts[0], parts[1], row.GetDateTimeOffset("NotedAt") ?? DateTimeOffset.MinValue));
            if (pending.Count >= max)
                break;
        }
        return pending;
    }

    public async Task<ShareHandoff?> FindAsync(string userId, string checkinId, CancellationToken cancellationToken)
    {
        if (!TableKeys.AreValid(userId, checkinId))
            return null;
        var row = await tables.GrowthLog.GetEntityIfExistsAsync<GrowthLogEntity>(userId, GrowthLogEntity.SharePrefix + checkinId, cancellationToken: cancellationToken);
        if (!row.HasValue)
            return null;
        // Rows from before hand-offs had a state carried only the check-in id: the keys fill in the rest.
        var node = JsonNode.Parse(row.Value!.Payload) as JsonObject ?? [];
        node["userId"] = userId;
        node["checkinId"] = checkinId;
        return node.Deserialize<ShareHandoff>(Json)! with { Version = row.Value.ETag.ToString() };
    }

    public Task<bool> TrySaveAsync(ShareHandoff handoff, CancellationToken cancellationToken) =>
        tables.GrowthLog.TryWriteAsync(Row(handoff.UserId, GrowthLogEntity.SharePrefix + handoff.CheckinId, handoff with { Version = null }), handoff.Version ?? "*", cancellationToken);

    public Task ForgetPendingAsync(string userId, string checkinId, CancellationToken cancellationToken) =>
        tables.Outbox.DeleteIfExistsAsync(PendingPartition, PendingKey(userId, checkinId), cancellationToken);

    private static string PendingKey(string userId, string checkinId) => $"{userId}|{checkinId}";
}
