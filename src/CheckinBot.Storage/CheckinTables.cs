using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace CheckinBot.Storage;

/// <summary>The tables CheckinBot owns (docs/data-model.md lists their keys). Names carry <c>Storage:TablePrefix</c>.</summary>
public sealed class CheckinTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string RegistrationsName = "registrations";

    internal static readonly string[] All = [RegistrationsName];

    public TableClient Registrations => Get(RegistrationsName);

    public string FullName(string table) => options.Value.TablePrefix + table;

    public TableClient Get(string table) => service.GetTableClient(FullName(table));

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
            await Get(table).CreateIfNotExistsAsync(cancellationToken);
    }
}
