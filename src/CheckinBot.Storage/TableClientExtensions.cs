using Azure;
using Azure.Data.Tables;

namespace CheckinBot.Storage;

internal static class TableClientExtensions
{
    /// <summary>
    /// The conditional write behind every store: insert when <paramref name="version"/> is null (fails if the row
    /// exists), else replace only that version. False when someone else wrote first (409, 412) or the row vanished (404).
    /// </summary>
    public static async Task<bool> TryWriteAsync(this TableClient table, ITableEntity row, string? version, CancellationToken cancellationToken) =>
        await table.TryWriteVersionAsync(row, version, cancellationToken) is not null;

    /// <summary><see cref="TryWriteAsync"/> returning the row's new version (null when the write lost), for callers that write it again.</summary>
    public static async Task<string?> TryWriteVersionAsync(this TableClient table, ITableEntity row, string? version, CancellationToken cancellationToken)
    {
        try
        {
            var response = version is null
                ? await table.AddEntityAsync(row, cancellationToken)
                : await table.UpdateEntityAsync(row, new ETag(version), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// The transaction twin of <see cref="TryWriteAsync"/>: all of <paramref name="actions"/> or none, and null (nothing
    /// written) when someone else wrote first (409, 412) or a row vanished (404); else each action's response, in order.
    /// </summary>
    public static async Task<IReadOnlyList<Response>?> TrySubmitAsync(this TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            return (await table.SubmitTransactionAsync(actions, cancellationToken)).Value;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Deletes every row of <paramref name="partitionKey"/> whose key starts with <paramref name="prefix"/>, whatever its version.</summary>
    public static async Task DeleteRowsAsync(this TableClient table, string partitionKey, string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableKeys.PrefixFilter(partitionKey, prefix), select: ["RowKey"], cancellationToken: cancellationToken))
            keys.Add(row.RowKey);
        foreach (var key in keys)
            await table.DeleteIfExistsAsync(partitionKey, key, cancellationToken);
    }

    /// <summary>Deletes a row whatever its version; a row already gone (another instance got there first) is fine.</summary>
    public static async Task DeleteIfExistsAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // already gone
        }
    }
}
