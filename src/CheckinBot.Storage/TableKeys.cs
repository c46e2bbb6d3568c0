using Azure.Data.Tables;

namespace CheckinBot.Storage;

/// <summary>Table Storage refuses / \ # ? and control characters in keys, and keys over 1 KiB: such a lookup finds nothing.</summary>
internal static class TableKeys
{
    public static bool AreValid(string partitionKey, string rowKey) => IsValid(partitionKey) && IsValid(rowKey);

    public static bool IsValid(string key) =>
        key.Length <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>
    /// The OData filter for rows of one partition whose key starts with <paramref name="prefix"/> (the range up to the
    /// prefix with its last char + 1). A string, not a lambda: the SDK compiles a lambda filter on every query, which on
    /// the fan-out's hot path cost more CPU than the request itself.
    /// </summary>
    public static string PrefixFilter(string partition, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + (char)(prefix[^1] + 1)}");
}
