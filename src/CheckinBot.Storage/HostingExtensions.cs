using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Org;
using CheckinBot.Storage.Org;
using CheckinBot.Core.Registrations;
using CheckinBot.Storage.GrowthLog;
using CheckinBot.Storage.QuestionSets;
using CheckinBot.Storage.Settings;
using CheckinBot.Storage.Registrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Storage;

public static class HostingExtensions
{
    /// <summary>
    /// Azure Table Storage for every port Core defines. Configuration shape:
    /// <code>"Storage": { "ConnectionString": "UseDevelopmentStorage=true", "AccountUri": null, "TablePrefix": "checkin" }</code>
    /// </summary>
    public static IHostApplicationBuilder AddCheckinStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        // Its own managed identity when configured, else the host's.
        services.AddKeyedSingleton<Azure.Core.TokenCredential>(StorageCredentialKey, (sp, _) =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ManagedIdentityClientId is { Length: > 0 } clientId
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : sp.GetRequiredService<Azure.Core.TokenCredential>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            // Few, quick retries: a turn has 5 s (invokes) to answer, so storage must fail fast rather than wait it out.
            var clientOptions = new TableClientOptions();
            clientOptions.Retry.MaxRetries = 3;
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
            clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
            return options.AccountUri is { } uri
                ? new TableServiceClient(uri, sp.GetRequiredKeyedService<Azure.Core.TokenCredential>(StorageCredentialKey), clientOptions)
                : new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddSingleton<CheckinTables>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var name = options.TablePrefix.ToLowerInvariant() + "sends";
            // The queue endpoint of the account whose table endpoint is configured (managed identity), or the connection string's.
            return options.AccountUri is { } uri
                ? new QueueClient(new Uri(new UriBuilder(uri) { Host = uri.Host.Replace(".table.", ".queue.", StringComparison.Ordinal) }.Uri, name), sp.GetRequiredKeyedService<Azure.Core.TokenCredential>(StorageCredentialKey))
                : new QueueClient(options.ConnectionString, name);
        });
        services.AddSingleton<CheckinBot.Core.Runs.IWorkBacklog, Runs.StorageQueueWorkBacklog>();
        services.AddSingleton<Runs.TableRunStore>();
        services.AddSingleton<CheckinBot.Core.Runs.IRunStore>(sp => sp.GetRequiredService<Runs.TableRunStore>());
        services.AddSingleton<CheckinBot.Core.Runs.IRunRecipientStore>(sp => sp.GetRequiredService<Runs.TableRunStore>());
        services.AddSingleton<CheckinBot.Core.Runs.IRunTallyStore>(sp => sp.GetRequiredService<Runs.TableRunStore>());
        services.AddSingleton<CheckinBot.Core.Runs.IDeadLetterStore>(sp => sp.GetRequiredService<Runs.TableRunStore>());
        services.AddOptions<CheckinBot.Core.Messaging.SendBudgetOptions>().BindConfiguration(CheckinBot.Core.Messaging.SendBudgetOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CheckinBot.Core.Messaging.IRateBudget, Runs.TableRateBudget>();
        services.AddSingleton<CheckinBot.Core.Runs.ILeaderLease>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var name = options.TablePrefix.ToLowerInvariant() + "leases";
            var container = options.AccountUri is { } uri
                ? new BlobContainerClient(new Uri(new UriBuilder(uri) { Host = uri.Host.Replace(".table.", ".blob.", StringComparison.Ordinal) }.Uri, name), sp.GetRequiredKeyedService<Azure.Core.TokenCredential>(StorageCredentialKey))
                : new BlobContainerClient(options.ConnectionString, name);
            return new Runs.BlobLeaderLease(container, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<PersonRowKeys>();
        services.AddSingleton<StorageReadiness>();
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<Runs.QueueDepthSampler>();
        services.AddHostedService<PersonRowKeyMigration>();
        services.AddSingleton<Core.IFailureClassifier, StorageFailureClassifier>();
        services.AddSingleton<IChatRegistrationStore, TableChatRegistrationStore>();
        services.AddSingleton<TableGrowthLogStore>();
        services.AddSingleton<IShareHandoffStore, TableShareHandoffStore>();
        services.AddSingleton<CheckinBot.Core.Handovers.IHandoverStore, TableHandoverStore>();
        services.AddSingleton<CheckinBot.Core.ReviewPacks.IReviewPackStore, TableReviewPackStore>();
        services.AddSingleton<Outbox.TableDeliveryOutbox>();
        services.AddSingleton<CheckinBot.Core.Messaging.IDeliveryOutbox>(sp => sp.GetRequiredService<Outbox.TableDeliveryOutbox>());
        services.AddSingleton<CheckinBot.Core.Insights.Events.IMetricsOutbox, Outbox.TableMetricsOutbox>();
        services.AddSingleton<TableFeedbackStore>();
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<TableFeedbackStore>());
        services.AddSingleton<IFeedbackDeliveryStore>(sp => sp.GetRequiredService<TableFeedbackStore>());
        services.AddSingleton<CheckinBot.Core.Cadences.ICadenceStore, Cadences.TableCadenceStore>();
        services.AddSingleton<TablePeopleDirectory>();
        services.AddSingleton<IOrgChartStore>(sp => sp.GetRequiredService<TablePeopleDirectory>());
        services.AddSingleton<ICheckinStore>(sp => sp.GetRequiredService<TableGrowthLogStore>());
        services.AddSingleton<IGoalStore>(sp => sp.GetRequiredService<TableGrowthLogStore>());
        // Each store erases its own rows; the log goes first (it holds the export grant, which must die first).
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<TableGrowthLogStore>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<TableFeedbackStore>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<Outbox.TableDeliveryOutbox>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<Insights.TableMetricsStore>());
        services.AddSingleton<TableSigningKeyProvider>();
        services.AddSingleton<ISigningKeyProvider>(sp => sp.GetRequiredService<TableSigningKeyProvider>());
        services.AddSingleton<IExportGrantStore, TableExportGrantStore>();
        services.AddSingleton<IErasureJournal, TableErasureJournal>();
        services.AddSingleton<IQuestionSetStore, TableQuestionSetStore>();
        services.AddSingleton<Insights.TableMetricsStore>();
        services.AddSingleton<CheckinBot.Core.Insights.IMetricsStore>(sp => sp.GetRequiredService<Insights.TableMetricsStore>());
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("table-storage", tags: ["ready"]);
        return builder;
    }

    /// <summary>The org chart cached in Table Storage as the directory (the <c>Graph</c> source keeps it current).</summary>
    public static IHostApplicationBuilder AddCheckinCachedOrgDirectory(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Someone the cache does not know yet is looked up at the source in the background (BackgroundOrgLookups); a read
        // waits for it at most the turn bound.
        builder.Services.AddSingleton<OrgPointLookup>();
        builder.Services.AddSingleton<BackgroundOrgLookups>();
        builder.Services.TryAddSingleton<TurnBound>(); // its options are bound by the host (Graph:TurnLookupTimeout)
        builder.Services.AddSingleton<IOrgDirectory>(sp => new LookupOnMissDirectory(
            sp.GetRequiredService<TablePeopleDirectory>(), sp.GetRequiredService<BackgroundOrgLookups>(), sp.GetRequiredService<TurnBound>()));
        return builder;
    }

    /// <summary>The identity storage is reached with, one for the table, queue and blob clients (one token cache).</summary>
    private const string StorageCredentialKey = "storage";
}
