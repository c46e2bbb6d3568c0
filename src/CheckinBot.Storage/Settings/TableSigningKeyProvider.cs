using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Storage.Settings;

/// <summary>
/// A random 256-bit key kept in the settings table: the first instance to need it creates it (a conditional insert,
/// so racing instances agree on one key), every instance then caches it.
/// </summary>
internal sealed class TableSigningKeyProvider(CheckinTables tables) : ISigningKeyProvider, IDisposable
{
    private const string Partition = "signing-key";
    private const string Row = "export";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<byte[]> GetKeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
            return cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var existing = await tables.Settings.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        if (existing.HasValue)
            return existing.Value!.GetBinary("Key");
        try
        {
            var key = RandomNumberGenerator.GetBytes(32);
            await tables.Settings.AddEntityAsync(new TableEntity(Partition, Row) { ["Key"] = key }, cancellationToken);
            return key;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (await tables.Settings.GetEntityAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken)).Value.GetBinary("Key");
        }
    }
}
