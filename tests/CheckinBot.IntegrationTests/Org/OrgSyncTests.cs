using Azure.Core;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.TestKit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CheckinBot.IntegrationTests.Org;

/// <summary>The Graph org directory: the real Graph SDK against a loopback Graph, cached in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrgSyncTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Ceo = "aaaaaaaa-0000-0000-0000-000000000001";
    private const string Manager = "aaaaaaaa-0000-0000-0000-000000000002";
    private const string Other = "aaaaaaaa-0000-0000-0000-000000000003";
    private const string ManifestAppId = "c0ffee00-0000-4000-8000-000000000001";
    private FakeGraph _graph = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.PageSize = 3;
        _graph.CatalogApps[ManifestAppId] = "catalog-app-1"; // the org catalog's own id, unlike the manifest's
        _graph.Put(new GraphUser(Ceo, "Lynne Robbins", "lynne@contoso.example"));
        _graph.Put(new GraphUser(Manager, "Megan Bowen", "megan@contoso.example", Ceo, "Engineering"));
        _graph.Put(new GraphUser(Other, "Patti Fernandez", "patti@contoso.example", Ceo, "Engineering"));
        for (var i = 10; i < 17; i++)
            _graph.Put(new GraphUser($"bbbbbbbb-0000-0000-0000-0000000000{i}", $"Report {i}", null, Manager));
        // Graph mode without the start-up sync racing the test, and sends unpaced.
        _bot = new BotHost(azurite, new BotHostOptions
        {
            Graph = _graph,
            BackgroundWork = false,
            AlexInstalled = false,
            Settings = new Dictionary<string, string?>
            {
                ["Bot:TeamsAppId"] = ManifestAppId, // the installer finds its catalog id by this
                ["Graph:TurnLookupTimeout"] = "00:00:05", // these tests read what a lookup stored, not how long a turn waits for it
            },
            Services = services =>
            {
                services.RemoveAll<IRateBudget>();
                services.AddSingleton<IRateBudget>(new UnpacedBudget(TimeProvider.System));
            },
        });
        await _bot.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private T Get<T>() where T : notnull => _bot.Get<T>();

    [Fact]
    public async Task FirstSync_ReadsEveryoneByDeltaPages_ThenOnlyChanges_AndTheDirectoryFollows()
    {
        var first = await Get<OrgSyncService>().SyncAsync(CancellationToken.None);

        Assert.True(first.Full);
        Assert.Equal(10, first.Changes);
        Assert.Equal(4, _graph.DeltaRequests); // 10 people, 3 per page
        var directory = Get<IOrgDirectory>();
        Assert.Equal(7, (await directory.DirectReportsAsync(Manager, CancellationToken.None)).Count);
        Assert.Equal(Ceo, (await directory.FindAsync(Manager, CancellationToken.None))!.ManagerId);
        Assert.Equal([Manager], (await directory.SearchAsync("meg", 5, CancellationToken.None)).Select(p => p.Id));

        // A report moves to Patti, Megan's name changes, one person leaves.
        _graph.ResetCounters();
        _graph.Put(new GraphUser("bbbbbbbb-0000-0000-0000-000000000010", "Report 10", null, Other));
        _graph.Put(new GraphUser(Manager, "Megan Bowen-Smith", "megan@contoso.example", Ceo, "Engineering"));
        _graph.Remove("bbbbbbbb-0000-0000-0000-000000000011");
        var second = await Get<OrgSyncService>().SyncAsync(CancellationToken.None);

        Assert.False(second.Full);
        Assert.Equal(3, second.Changes);
        Assert.Equal(1, _graph.DeltaRequests);
        Assert.Equal(5, (await directory.DirectReportsAsync(Manager, CancellationToken.None)).Count);
        Assert.Equal(["bbbbbbbb-0000-0000-0000-000000000010"], (await directory.DirectReportsAsync(Other, CancellationToken.None)).Select(p => p.Id));
        Assert.False((await directory.FindAsync("bbbbbbbb-0000-0000-0000-000000000011", CancellationToken.None))!.Enabled);
        Assert.Equal([Manager], (await directory.SearchAsync("bowen smi", 5, CancellationToken.None)).Select(p => p.Id));
        Assert.True(await directory.IsCurrentManagerAsync(Other, "bbbbbbbb-0000-0000-0000-000000000010", CancellationToken.None));
        Assert.False(await directory.IsCurrentManagerAsync(Manager, "bbbbbbbb-0000-0000-0000-000000000010", CancellationToken.None));
    }

    [Fact]
    public async Task ADeltaThatMovesSomeoneToAnotherManager_StartsAHandover_AndHireDatesAreRead()
    {
        const string Moved = "bbbbbbbb-0000-0000-0000-000000000012";
        _graph.Put(new GraphUser(Other, "Patti Fernandez", "patti@contoso.example", Ceo, "Engineering", HireDate: new DateOnly(2026, 11, 2)));
        await Get<OrgSyncService>().SyncAsync(CancellationToken.None);
        var outbox = Get<IDeliveryOutbox>();
        Assert.Empty(await outbox.ListDueAsync(OutboxKind.Handover, 10, CancellationToken.None)); // the first round moves nobody
        Assert.Equal(new DateOnly(2026, 11, 2), (await Get<IOrgDirectory>().FindAsync(Other, CancellationToken.None))!.HireDate);

        _graph.Put(new GraphUser(Moved, "Report 12", null, Other));
        _graph.Put(new GraphUser(Manager, "Megan Bowen", "megan@contoso.example", Ceo, "Sales")); // same manager, new department
        await Get<OrgSyncService>().SyncAsync(CancellationToken.None);

        var entry = Assert.Single(await outbox.ListDueAsync(OutboxKind.Handover, 10, CancellationToken.None));
        var handover = await Get<CheckinBot.Core.Handovers.IHandoverStore>().FindAsync(entry.OwnerId, entry.ItemId, CancellationToken.None);
        Assert.Equal((Moved, Manager, Other), (handover!.PersonId, handover.FormerManagerId, handover.NewManagerId));
    }

    [Fact]
    public async Task GroupAudience_IsReadFromGraphPageByPage_OnlyMembersWhoAreInTheDirectory()
    {
        await Get<OrgSyncService>().SyncAsync(CancellationToken.None);
        _graph.Groups["9c1e0f5a-0000-0000-0000-00000000e001"] =
            [Manager, Other, "bbbbbbbb-0000-0000-0000-000000000010", "BBBBBBBB-0000-0000-0000-000000000012", "dddddddd-0000-0000-0000-0000000000aa"];

        var audience = CheckinBot.Core.Runs.Audience.Stream(Get<IOrgDirectory>(), Get<IGroupMembers>(),
            new CheckinBot.Core.Cadences.CadenceAudience { GroupIds = ["9c1e0f5a-0000-0000-0000-00000000e001", "9c1e0f5a-0000-0000-0000-0000000e0404"], ExcludeUserIds = [Other] },
            CancellationToken.None);

        Assert.Equal([Manager, "bbbbbbbb-0000-0000-0000-000000000010", "bbbbbbbb-0000-0000-0000-000000000012"], (await audience.ToListAsync()).Select(p => p.Id).Order());
    }

    [Fact]
    public async Task SomeoneTheCacheDoesNotKnowYet_IsLookedUpAtOnce_AndKeptLikeADeltaChange()
    {
        var directory = Get<IOrgDirectory>(); // no sync has run: the cache is empty

        var megan = await directory.FindAsync(Manager, CancellationToken.None);
        var again = await directory.FindAsync(Manager, CancellationToken.None);
        var stranger = await directory.FindAsync("cccccccc-0000-0000-0000-000000000404", CancellationToken.None);
        var strangerAgain = await directory.FindAsync("cccccccc-0000-0000-0000-000000000404", CancellationToken.None);

        Assert.Equal((Ceo, "Engineering"), (megan!.ManagerId, megan.Department));
        Assert.Equal(megan.ManagerId, again!.ManagerId);
        Assert.Null(stranger);
        Assert.Null(strangerAgain);
        Assert.Equal(2, _graph.Batches.Count); // Megan once (then from the cache), the stranger once (then remembered as unknown)
        Assert.Equal(Manager, (await directory.DirectReportsAsync(Ceo, CancellationToken.None)).Single().Id);
        Assert.All(((FakeGraphCredential)Get<TokenCredential>()).Scopes, scope => Assert.Equal("http://127.0.0.1/.default", scope)); // Graph:BaseUrl's host
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/.default")]
    [InlineData("https://graph.microsoft.us/v1.0", "https://graph.microsoft.us/.default")]
    [InlineData("https://dod-graph.microsoft.us/v1.0", "https://dod-graph.microsoft.us/.default")]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/.default")]
    public void TheGraphTokenScope_FollowsGraphBaseUrl_SoSovereignCloudsWork(string baseUrl, string scope) =>
        Assert.Equal(scope, new CheckinBot.Graph.GraphOptions { BaseUrl = new Uri(baseUrl) }.TokenScope);

    [Fact]
    public async Task PointLookups_GoInBatchesOf20_AndRetryOnlyTheThrottledItems()
    {
        var ids = Enumerable.Range(10, 7).Select(i => $"bbbbbbbb-0000-0000-0000-0000000000{i}").Append(Ceo).Append("cccccccc-0000-0000-0000-000000000404").ToList();
        _graph.ThrottleNextBatchItems(2);

        var people = await Get<IOrgChartSource>().GetPeopleAsync(ids, CancellationToken.None);

        Assert.Equal(8, people.Count); // the unknown id is left out, not an error
        Assert.All(people.Where(p => p.Id != Ceo), p => Assert.Equal(Manager, p.ManagerId));
        Assert.Null(people.Single(p => p.Id == Ceo).ManagerId);
        var batches = _graph.Batches.ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal(9, batches[0].Length);
        Assert.Equal(2, batches[1].Length); // only the two throttled items went again
    }

    [Fact]
    public async Task ManagerWhoNeverInstalledTheBot_GetsItInstalledThroughGraph_AndTheSendWaitsForThem()
    {
        var result = await Get<IPersonMessenger>().SendAsync(Manager, new FeedbackAskedMessage(new FeedbackAsk
        {
            Id = "a1", RequesterId = Other, AskedUserId = Manager, Topic = "my demo",
        }), CancellationToken.None);
        var again = await Get<IPersonMessenger>().SendAsync(Manager, new FeedbackAskedMessage(new FeedbackAsk
        {
            Id = "a2", RequesterId = Other, AskedUserId = Manager, Topic = "my demo",
        }), CancellationToken.None);

        Assert.Equal((DeliveryOutcome.Unreachable, "NotInstalled (install: Requested)"), (result.Outcome, result.Reason));
        Assert.Equal("NotInstalled (install: AlreadyInstalled)", again.Reason);
        Assert.Equal(TimeSpan.FromMinutes(1), result.RetryAfter);
        var install = _graph.Installs.First();
        Assert.Equal((Manager, $"{_graph.BaseUrl}/appCatalogs/teamsApps/catalog-app-1"), install);
        Assert.Equal(1, _graph.CatalogRequests); // found by the manifest's id once, then remembered
        // Each install call took a slot of the shared budget, at the priority of the message that needed it.
        Assert.Equal([SendPriority.Interactive, SendPriority.Interactive], ((UnpacedBudget)Get<IRateBudget>()).Grants);
    }

    [Fact]
    public async Task AnAppNotInTheOrgCatalogYet_IsReportedNotFound_AndTheCatalogIsNotAskedOnEverySend()
    {
        _graph.CatalogApps.Clear(); // the package is not uploaded yet

        var results = new List<DeliveryResult>();
        foreach (var id in new[] { "a1", "a2" })
        {
            results.Add(await Get<IPersonMessenger>().SendAsync(Manager, new FeedbackAskedMessage(new FeedbackAsk
            {
                Id = id, RequesterId = Other, AskedUserId = Manager, Topic = "my demo",
            }), CancellationToken.None));
        }

        Assert.All(results, r => Assert.Equal("NotInstalled (install: NotFound)", r.Reason));
        Assert.Empty(_graph.Installs);
        Assert.Equal(1, _graph.CatalogRequests); // looked for again after ten minutes, not on every send
    }
}
