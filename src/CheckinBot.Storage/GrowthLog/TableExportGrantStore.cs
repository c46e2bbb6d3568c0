using System.Security.Cryptography;
using CheckinBot.Core.GrowthLog;
using static CheckinBot.Storage.GrowthLog.GrowthLogRows;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>The export grant lives in the person's growth-log partition, so erasing the log revokes every link.</summary>
internal sealed class TableExportGrantStore(CheckinTables tables, PersonRowKeys rowKeys) : IExportGrantStore
{
    public async Task<string> GetOrCreateAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, cancellationToken) is { } existing)
            return existing;
        var grant = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        // A conditional insert: when two exports race, both end up with the grant that was stored first.
        return await tables.GrowthLog.TryWriteAsync(Row(userId, PersonRowKeys.Key(PersonRowKeys.ExportGrant, userId), new Grant(grant)), null, cancellationToken)
            ? grant
            : (await FindAsync(userId, cancellationToken))!;
    }

    public async Task<string?> FindAsync(string userId, CancellationToken cancellationToken) =>
        (await rowKeys.FindPersonRowAsync<Grant>(tables.GrowthLog, userId, PersonRowKeys.ExportGrant, cancellationToken)).Value?.Value;

    private sealed record Grant(string Value);
}
