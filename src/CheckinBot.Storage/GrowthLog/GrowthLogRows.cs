using System.Text.Json;
using Azure.Data.Tables;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>Reading and writing the JSON payload rows of the growth-log table, shared by every store over it.</summary>
internal static class GrowthLogRows
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static GrowthLogEntity Row(string userId, string rowKey, object? data) => new()
    {
        PartitionKey = userId,
        RowKey = rowKey,
        Payload = data is null ? "" : JsonSerializer.Serialize(data, data.GetType(), Json),
    };

    public static T Read<T>(GrowthLogEntity row) => LegacyAnswerMigration.Read<T>(row.Payload, Json);

    /// <summary>A single row's payload and its ETag (the domain record's version), or nulls when there is no row.</summary>
    public static async Task<(T? Value, string? Version)> FindAsync<T>(this TableClient table, string userId, string rowKey, CancellationToken cancellationToken)
        where T : class
    {
        if (!TableKeys.AreValid(userId, rowKey))
            return (null, null);
        var row = await table.GetEntityIfExistsAsync<GrowthLogEntity>(userId, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? (Read<T>(row.Value!), row.Value!.ETag.ToString()) : (null, null);
    }

    /// <summary>The person's one row of <paramref name="kind"/> (<see cref="PersonRowKeys"/>): payload and ETag, or nulls.</summary>
    public static async Task<(T? Value, string? Version)> FindPersonRowAsync<T>(this PersonRowKeys rowKeys, TableClient table, string userId, string kind, CancellationToken cancellationToken)
        where T : class =>
        await rowKeys.FindAsync<GrowthLogEntity>(table, userId, kind, cancellationToken) is { } row ? (Read<T>(row), row.ETag.ToString()) : (null, null);

    /// <summary>Rows whose key starts with <paramref name="prefix"/>: the range [prefix, prefix with its last char + 1).</summary>
    public static async Task<List<GrowthLogEntity>> ListAsync(this TableClient table, string partition, string prefix, CancellationToken cancellationToken)
    {
        var rows = new List<GrowthLogEntity>();
        if (!TableKeys.AreValid(partition, prefix))
            return rows;
        await foreach (var row in table.QueryAsync<GrowthLogEntity>(TableKeys.PrefixFilter(partition, prefix), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }
}
