using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Storage.Settings;

/// <summary>
/// Export-link keys in the settings table (partition <c>signing-key</c>, rows <c>export-{id:D10}</c>, a 32-byte
/// <c>Key</c>). The newest row is current; the first instance to need a key creates <c>export-0000000001</c> with a
/// conditional insert, so racing instances agree. Rotate by adding a row with a higher id; retire one by deleting it.
/// A malformed row is an error naming it, never a silent null.
/// </summary>
internal sealed class TableSigningKeyProvider(CheckinTables tables, TimeProvider timeProvider) : ISigningKeyProvider, IDisposable
{
    private const string Partition = "signing-key";
    private const string Prefix = "export-";
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (IReadOnlyList<SigningKey> Keys, DateTimeOffset LoadedAt)? _cache;

    public async Task<SigningKey> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var keys = await KeysAsync(cancellationToken);
        return keys.Count > 0 ? keys[^1] : await CreateFirstAsync(cancellationToken);
    }

    public async Task<SigningKey?> FindAsync(int id, CancellationToken cancellationToken) =>
        (await KeysAsync(cancellationToken)).FirstOrDefault(k => k.Id == id);

    public void Dispose() => _gate.Dispose();

    /// <summary>All keys, oldest first, cached for a few minutes so rotation reaches every instance soon.</summary>
    public async Task<IReadOnlyList<SigningKey>> KeysAsync(CancellationToken cancellationToken)
    {
        if (_cache is { } cached && timeProvider.GetUtcNow() - cached.LoadedAt < Refresh)
            return cached.Keys;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var keys = new List<SigningKey>();
            await foreach (var row in tables.Settings.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            {
                if (row.RowKey.StartsWith(Prefix, StringComparison.Ordinal))
                    keys.Add(Parse(row));
            }
            keys.Sort((a, b) => a.Id.CompareTo(b.Id));
            _cache = (keys, timeProvider.GetUtcNow());
            return keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKey> CreateFirstAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tables.Settings.AddEntityAsync(new TableEntity(Partition, Prefix + "0000000001") { ["Key"] = RandomNumberGenerator.GetBytes(32) }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // another instance created it first: use theirs
        }
        _cache = null;
        return (await KeysAsync(cancellationToken))[^1];
    }

    private static SigningKey Parse(TableEntity row)
    {
        var idText = row.RowKey[Prefix.Length..];
        var key = row.TryGetValue("Key", out var value) ? value as byte[] : null;
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0 || key is not { Length: 32 })
            throw new InvalidOperationException($"The settings row {Partition}/{row.RowKey} is malformed: the row key must be '{Prefix}' and a positive number, and 'Key' 32 random bytes (binary). Fix or delete the row.");
        return new SigningKey(id, key);
    }
}
