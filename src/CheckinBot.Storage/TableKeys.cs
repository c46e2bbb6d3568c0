namespace CheckinBot.Storage;

/// <summary>Table Storage refuses / \ # ? and control characters in keys, and keys over 1 KiB: such a lookup finds nothing.</summary>
internal static class TableKeys
{
    public static bool AreValid(string partitionKey, string rowKey) => IsValid(partitionKey) && IsValid(rowKey);

    public static bool IsValid(string key) =>
        key.Length <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
