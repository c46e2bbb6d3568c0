using CheckinBot.Core.ReviewPacks;
using static CheckinBot.Storage.GrowthLog.GrowthLogRows;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>Review packs live in the person's growth-log partition (<c>reviewpack-{id}</c>), so erasing the person erases them.</summary>
internal sealed class TableReviewPackStore(CheckinTables tables) : IReviewPackStore
{
    public async Task<ReviewPack?> FindReviewPackAsync(string userId, string packId, CancellationToken cancellationToken)
    {
        if (!TableKeys.AreValid(userId, packId))
            return null;
        var (pack, version) = await tables.GrowthLog.FindAsync<ReviewPack>(userId, GrowthLogEntity.ReviewPackPrefix + packId, cancellationToken);
        return pack is null ? null : pack with { Version = version };
    }

    public Task<bool> TrySaveReviewPackAsync(ReviewPack pack, CancellationToken cancellationToken) =>
        tables.GrowthLog.TryWriteAsync(Row(pack.UserId, GrowthLogEntity.ReviewPackPrefix + pack.Id, pack with { Version = null }), pack.Version, cancellationToken);
}
