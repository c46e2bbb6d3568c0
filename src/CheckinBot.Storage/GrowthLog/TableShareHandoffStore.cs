using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Managers;
using static CheckinBot.Storage.GrowthLog.GrowthLogRows;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// Hand-offs live in the person's growth-log partition, written in the check-in's own transaction; the outbox
/// (<see cref="Outbox.TableDeliveryOutbox"/>) points any instance to the ones still due.
/// </summary>
internal sealed class TableShareHandoffStore(CheckinTables tables) : IShareHandoffStore
{

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
}
