using System.Diagnostics;
using Azure.Core;
using CheckinBot.Core.Org;
using CheckinBot.Graph;
using CheckinBot.Storage;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Bench;

/// <summary>One org-chart sync round as measured.</summary>
public sealed record SyncRound(string Name, int People, int Changes, int GraphRequests, double Seconds, long PeakWorkingSetMiB);

/// <summary>
/// First and incremental sync of an org of N people from a loopback Graph (real Graph SDK, real delta paging) into the
/// people cache on Azurite, through the production code: GraphOrgChartSource → OrgSyncService → TablePeopleDirectory.
/// </summary>
public static class OrgSyncScenario
{
    /// <summary>Graph pages users delta in pages of this size in our fake; real Graph chooses its own page size.</summary>
    public const int PageSize = 200;

    public static async Task<IReadOnlyList<SyncRound>> RunAsync(string storageConnectionString, int people, double changeShare, CancellationToken cancellationToken)
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.PageSize = PageSize;
        var ids = Enumerable.Range(0, people).Select(Id).ToList();
        for (var i = 0; i < people; i++)
            graph.Put(new GraphUser(ids[i], $"Person {i} Surname{i % 997}", $"p{i}@contoso.example", i == 0 ? null : ids[(i - 1) / 8], $"Dept {i % 40}"));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Storage:ConnectionString"] = storageConnectionString;
        builder.Configuration["Storage:TablePrefix"] = "bench" + Guid.NewGuid().ToString("N")[..8];
        builder.Configuration["Graph:BaseUrl"] = graph.BaseUrl;
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCheckinStorage();
        builder.AddCheckinGraph();
        builder.AddCheckinCachedOrgDirectory();
        builder.Services.AddSingleton<TokenCredential, FakeGraphCredential>();
        builder.Services.AddSingleton<OrgSyncService>();
        // A manager change starts a handover (noted and written in the sync round), so the round's cost includes it.
        builder.Services.AddSingleton<CheckinBot.Core.Handovers.HandoverService>();
        builder.Services.AddSingleton<CheckinBot.Core.Messaging.OutboxSignal>();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var sync = host.Services.GetRequiredService<OrgSyncService>();

        var first = await MeasureAsync("first sync", people, graph, sync, cancellationToken);

        // A day's worth of churn: half the changed people move to another manager, the other half are renamed.
        var random = new Random(42);
        var changed = ids.Skip(1).OrderBy(_ => random.Next()).Take((int)(people * changeShare)).ToList();
        for (var i = 0; i < changed.Count; i++)
        {
            var n = ids.IndexOf(changed[i]);
            graph.Put(i % 2 == 0
                ? new GraphUser(changed[i], $"Person {n} Surname{n % 997}", $"p{n}@contoso.example", ids[random.Next(0, Math.Max(1, n))], $"Dept {n % 40}")
                : new GraphUser(changed[i], $"Person {n} Renamed{n % 997}", $"p{n}@contoso.example", ids[(n - 1) / 8], $"Dept {n % 40}"));
        }
        var second = await MeasureAsync("incremental sync", people, graph, sync, cancellationToken);
        await host.StopAsync(cancellationToken);
        return [first, second];
    }

    private static async Task<SyncRound> MeasureAsync(string name, int people, FakeGraph graph, OrgSyncService sync, CancellationToken cancellationToken)
    {
        graph.ResetCounters();
        var watch = Stopwatch.StartNew();
        var result = await sync.SyncAsync(cancellationToken);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        return new SyncRound(name, people, result.Changes, graph.DeltaRequests + graph.BatchRequests, watch.Elapsed.TotalSeconds, process.PeakWorkingSet64 / (1024 * 1024));
    }

    private static string Id(int i) => new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]).ToString();
}
