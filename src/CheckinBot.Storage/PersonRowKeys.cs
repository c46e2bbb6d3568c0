using Azure;
using Azure.Data.Tables;

namespace CheckinBot.Storage;

/// <summary>
/// The row key of a row a person has one of (registration, draft, preferences, export grant): its kind and the
/// person's id, <c>draft-{userId}</c>, in the person's partition. Once it was the kind alone (<c>draft</c>): Azurite,
/// the store of every local run and test, indexes RowKey on its own, so a point read of a key every person shares
/// scanned every person's row, and each send of a cadence to N people cost O(N) in storage (docs/performance.md).
/// <para>
/// Rows still under the old key are moved when read, and all of them by <see cref="MigrateAllAsync"/> at start-up;
/// once a settings row records that it finished, reads stop looking for old keys. All of it is idempotent: a move is
/// one transaction (add the new row, delete the old at its ETag), so racing instances or a crash leave one row.
/// </para>
/// </summary>
internal sealed class PersonRowKeys(CheckinTables tables)
{
    public const string Chat = "chat";
    public const string Draft = "draft";
    public const string Preferences = "preferences";

    /// <summary>What every export link of the person must match; erased with the log, so old links die with it.</summary>
    public const string ExportGrant = "exportgrant";

    private const string MarkerPartition = "schema";
    private const string MarkerRow = "person-row-keys";

    private volatile bool _legacyGone;

    public static string Key(string kind, string userId) => $"{kind}-{userId}";

    /// <summary>
    /// The person's row of <paramref name="kind"/>; an old-key row is moved first (while the migration may not have
    /// reached it), so every version handed out belongs to the new key and every write goes there.
    /// </summary>
    public async Task<T?> FindAsync<T>(TableClient table, string userId, string kind, CancellationToken cancellationToken) where T : class, ITableEntity
    {
        var key = Key(kind, userId);
        if (!TableKeys.AreValid(userId, key))
            return null;
        var row = await table.GetEntityIfExistsAsync<T>(userId, key, cancellationToken: cancellationToken);
        if (row.HasValue)
            return row.Value;
        if (_legacyGone)
            return null;
        // Read again whether or not an old row was found here: the migration may have moved it since the first read.
        await MoveAsync(table, userId, kind, cancellationToken);
        var moved = await table.GetEntityIfExistsAsync<T>(userId, key, cancellationToken: cancellationToken);
        return moved.HasValue ? moved.Value : null;
    }

    /// <summary>Moves the person's old-key row of <paramref name="kind"/>, if there is one, to its new key.</summary>
    public static async Task MoveAsync(TableClient table, string userId, string kind, CancellationToken cancellationToken)
    {
        var legacy = await table.GetEntityIfExistsAsync<TableEntity>(userId, kind, cancellationToken: cancellationToken);
        if (legacy.HasValue)
            await MoveAsync(table, legacy.Value!, cancellationToken);
    }

    public static bool IsLegacy(string rowKey) => rowKey is Chat or Draft or Preferences or ExportGrant;

    /// <summary>Deletes the person's row of <paramref name="kind"/> (and an old-key row while there may be one); true when one existed.</summary>
    public async Task<bool> DeleteAsync(TableClient table, string userId, string kind, CancellationToken cancellationToken)
    {
        var deleted = (await table.DeleteEntityAsync(userId, Key(kind, userId), ETag.All, cancellationToken)).Status != 404;
        if (!_legacyGone)
            deleted |= (await table.DeleteEntityAsync(userId, kind, ETag.All, cancellationToken)).Status != 404;
        return deleted;
    }

    /// <summary>
    /// Moves every old-key row, then records that none is left; how many rows it moved (at most once per deployment
    /// does real work). Rows are in different partitions, so several are moved at a time.
    /// </summary>
    public async Task<int> MigrateAllAsync(CancellationToken cancellationToken)
    {
        if ((await tables.Settings.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken)).HasValue)
        {
            _legacyGone = true;
            return 0;
        }
        var moved = await MoveAllAsync(tables.Registrations, [Chat], cancellationToken)
            + await MoveAllAsync(tables.GrowthLog, [Draft, Preferences, ExportGrant], cancellationToken);
        await tables.Settings.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow), TableUpdateMode.Replace, cancellationToken);
        _legacyGone = true;
        return moved;
    }

    private static async Task<int> MoveAllAsync(TableClient table, string[] kinds, CancellationToken cancellationToken)
    {
        var moved = 0;
        var filter = string.Join(" or ", kinds.Select(kind => TableClient.CreateQueryFilter($"RowKey eq {kind}")));
        await Parallel.ForEachAsync(table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (row, ct) =>
            {
                await MoveAsync(table, row, ct);
                Interlocked.Increment(ref moved);
            });
        return moved;
    }

    private static async Task MoveAsync(TableClient table, TableEntity legacy, CancellationToken cancellationToken)
    {
        var moved = new TableEntity(legacy.PartitionKey, Key(legacy.RowKey, legacy.PartitionKey));
        foreach (var (name, value) in legacy)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                moved[name] = value;
        }
        // Lost (null) when another instance moved it first or it was deleted meanwhile: the new key holds whatever is current.
        await table.TrySubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, moved),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(legacy.PartitionKey, legacy.RowKey), legacy.ETag),
        ], cancellationToken);
    }
}
