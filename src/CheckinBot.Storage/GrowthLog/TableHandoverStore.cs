using CheckinBot.Core.Handovers;
using static CheckinBot.Storage.GrowthLog.GrowthLogRows;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>Handovers live in the person's growth-log partition (<c>transfer-{id}</c>), so erasing the person erases them.</summary>
internal sealed class TableHandoverStore(CheckinTables tables) : IHandoverStore
{
    public async Task<ManagerHandover?> FindAsync(string personId, string handoverId, CancellationToken cancellationToken)
    {
        if (!TableKeys.AreValid(personId, handoverId))
            return null;
        var (handover, version) = await tables.GrowthLog.FindAsync<ManagerHandover>(personId, GrowthLogEntity.HandoverPrefix + handoverId, cancellationToken);
        return handover is null ? null : handover with { Version = version };
    }

    public Task<bool> TrySaveAsync(ManagerHandover handover, CancellationToken cancellationToken) =>
        tables.GrowthLog.TryWriteAsync(Row(handover.PersonId, GrowthLogEntity.HandoverPrefix + handover.Id, handover with { Version = null }), handover.Version, cancellationToken);
}
