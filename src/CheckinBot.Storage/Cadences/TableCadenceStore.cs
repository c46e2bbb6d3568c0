using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.Cadences;

namespace CheckinBot.Storage.Cadences;

/// <summary>Cadences in one partition of <c>{prefix}cadences</c> (there are few), JSON in <c>Data</c>, ETag as version.</summary>
internal sealed class TableCadenceStore(CheckinTables tables) : ICadenceStore
{
    private const string Partition = "cadence";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<Cadence>> ListAsync(CancellationToken cancellationToken)
    {
        var cadences = new List<Cadence>();
        await foreach (var row in tables.Cadences.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
            cadences.Add(Read(row));
        return cadences;
    }

    public async Task<Cadence?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(id))
            return null;
        var row = await tables.Cadences.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public Task<bool> TrySaveAsync(Cadence cadence, CancellationToken cancellationToken) =>
        tables.Cadences.TryWriteAsync(new TableEntity(Partition, cadence.Id) { ["Data"] = JsonSerializer.Serialize(cadence, Json) }, cadence.Version, cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        TableKeys.IsValid(id) && (await tables.Cadences.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken)).Status != 404;

    private static Cadence Read(TableEntity row) =>
        JsonSerializer.Deserialize<Cadence>(row.GetString("Data"), Json)! with { Version = row.ETag.ToString() };
}
