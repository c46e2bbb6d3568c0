using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace CheckinBot.Storage;

/// <summary>The tables CheckinBot owns (docs/data-model.md lists their keys). Names carry <c>Storage:TablePrefix</c>.</summary>
public sealed class CheckinTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    public const string RegistrationsName = "registrations";
    public const string GrowthLogName = "growthlog";
    public const string SettingsName = "settings";
    public const string QuestionSetsName = "questionsets";
    public const string PeopleName = "people";
    public const string OutboxName = "outbox";
    public const string CadencesName = "cadences";
    public const string RunsName = "runs";
    public const string DeadLettersName = "deadletters";
    public const string MetricsName = "metrics";

    internal static readonly string[] All = [RegistrationsName, GrowthLogName, SettingsName, QuestionSetsName, PeopleName, OutboxName, CadencesName, RunsName, DeadLettersName, MetricsName];

    public TableClient Registrations => Get(RegistrationsName);

    public TableClient GrowthLog => Get(GrowthLogName);

    public TableClient Settings => Get(SettingsName);

    public TableClient QuestionSets => Get(QuestionSetsName);

    public TableClient People => Get(PeopleName);

    public TableClient Cadences => Get(CadencesName);

    public TableClient Runs => Get(RunsName);

    /// <summary>Sends that kept failing after their retries, per run, for HR to see.</summary>
    public TableClient DeadLetters => Get(DeadLettersName);

    /// <summary>Rollups of check-ins per group and day, and the census of group sizes (counts only).</summary>
    public TableClient Metrics => Get(MetricsName);

    /// <summary>Work other instances must be able to find: shared check-ins to summarise, open feedback requests.</summary>
    public TableClient Outbox => Get(OutboxName);

    public string FullName(string table) => options.Value.TablePrefix + table;

    public TableClient Get(string table) => service.GetTableClient(FullName(table));

    public async Task CreateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
            await Get(table).CreateIfNotExistsAsync(cancellationToken);
    }
}
