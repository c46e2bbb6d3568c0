using System.Net;
using System.Text.Json;
using CheckinBot.Core.Insights;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Insights;

/// <summary>
/// Metrics end to end on Azurite: Alex checks in over chat, the sweep folds it into the rollups and counts the sample
/// org (samples/org.csv: Engineering 8, Sales 4, Operations 4, People 3, Leadership 1), and HR reads the figures over
/// the admin API (local mode: loopback callers are HR).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MetricsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        return _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task ACheckin_IsCountedOnce_AndSmallDepartmentsShowNoNumbers()
    {
        await _bot.SayAsync("check in");
        foreach (var answer in new[] { "4", "Shipped the importer", "skip", "skip", "no", "skip", "share" })
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await _bot.SayAsync(answer);
        }
        var aggregator = _bot.Get<MetricsAggregator>();
        Assert.True(await _bot.Get<MetricsCensusService>().TakeIfDueAsync(CancellationToken.None));
        Assert.Equal(1, await aggregator.FoldPendingAsync(CancellationToken.None));
        Assert.Equal(0, await aggregator.FoldPendingAsync(CancellationToken.None)); // the entry is gone once folded

        var report = await GetAsync("/api/admin/metrics?groupBy=department&period=week&from=2026-11-01&to=2026-11-30");

        var total = report.GetProperty("total");
        Assert.Equal((20, 1, 1, 4.0), (total.GetProperty("people").GetInt32(), total.GetProperty("participation").GetProperty("completed").GetInt32(),
            total.GetProperty("participation").GetProperty("shared").GetInt32(), total.GetProperty("energy").GetProperty("mean").GetDouble()));
        var groups = report.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!);
        Assert.Equal((8, 1), (groups["Engineering"].GetProperty("people").GetInt32(), groups["Engineering"].GetProperty("participation").GetProperty("completed").GetInt32()));
        Assert.Equal("2026-11-23", groups["Engineering"].GetProperty("periods")[0].GetProperty("start").GetString());
        foreach (var small in new[] { "Sales", "Operations", "People", "Leadership" })
            Assert.Equal(["key", "name", "suppressed"], groups[small].EnumerateObject().Select(p => p.Name)); // and nothing numeric

        var csv = await _bot.Client.GetAsync("/api/admin/export?groupBy=department&period=week&from=2026-11-01&to=2026-11-30");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("group,name,suppressed,periodStart,people,sent,reached,started,skipped,snoozed,unreachableNotInstalled", lines[0], StringComparison.Ordinal);
        Assert.Contains("org,Organisation,false,2026-11-23,20,0,0,0,0,0,0,0,0,0,0,1,1,1,", lines[1], StringComparison.Ordinal); // nothing sent; one check-in, self-started, shared
        Assert.Contains("dept:Sales,Sales,true", lines); // the whole row: no number follows
    }

    [Theory]
    [InlineData("groupBy=teams", "groupBy")]
    [InlineData("from=2026-12-01&to=2026-11-01", "from")]
    [InlineData("period=decade", "period")]
    public async Task BadParameters_Are400ProblemDetails_NamingTheParameter(string query, string parameter)
    {
        var response = await _bot.Client.GetAsync("/api/admin/metrics?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task AFold_RetriedAfterACrash_AddsNothingTwice()
    {
        var store = _bot.Get<IMetricsStore>();
        var day = new DateOnly(2026, 11, 23);
        var tally = MetricTally.Of(new CheckinBot.Core.CheckIns.CheckinRecord
        {
            UserId = "u", CheckinId = "c", QuestionSetId = "q", QuestionSetVersion = 1, StartedAt = _time.GetUtcNow(), CompletedAt = _time.GetUtcNow().AddMinutes(3),
            SharedWithManager = true, Answers = [],
        });
        const string Odd = "dept:R&D / Labs #2?";

        await store.FoldAsync([new MetricFold("fold-1", day, ["org", Odd], tally)], CancellationToken.None);
        // The same batch again (a crash before its outbox entries were dropped), with a new fold beside it.
        await store.FoldAsync([new MetricFold("fold-1", day, ["org", Odd], tally), new MetricFold("fold-2", day.AddDays(1), [Odd], tally)], CancellationToken.None);

        var rows = (await store.ReadAsync([Odd, "org"], day, day.AddDays(7), CancellationToken.None)).OrderBy(r => r.Group).ThenBy(r => r.Day).ToList();
        Assert.Equal([(Odd, day, 1), (Odd, day.AddDays(1), 1), ("org", day, 1)], rows.Select(r => (r.Group, r.Day, r.Tally.Completed)));
        Assert.Equal((1, 1), (rows[0].Tally.Shared, rows[0].Tally.Minutes[2]));
    }

    [Fact]
    public async Task GoalStocks_AddUpInTheCensus_AndAPersonsStockGoesWithTheirData()
    {
        var store = _bot.Get<IMetricsStore>();
        await store.SaveGoalStockAsync(new PersonGoalStock("AdeleV@contoso.com", [20, 60]), CancellationToken.None);
        await store.SaveGoalStockAsync(new PersonGoalStock("AlexW@contoso.com", [100, 0, 35]), CancellationToken.None);
        await store.SaveGoalStockAsync(new PersonGoalStock("gone@contoso.com", []), CancellationToken.None); // no active goal: no row

        Assert.Equal([("AdeleV@contoso.com", new[] { 20, 60 }), ("AlexW@contoso.com", [100, 0, 35])],
            (await store.ListGoalStocksAsync(CancellationToken.None).ToListAsync()).OrderBy(s => s.UserId).Select(s => (s.UserId, s.ActiveProgress.ToArray())));

        var progress = new int[GoalStock.Percents];
        progress[35] = 2;
        await store.SaveCensusAsync(new MetricsCensus(new Dictionary<string, int> { ["org"] = 20 }, _time.GetUtcNow(), null) { Goals = new Dictionary<string, GoalStock> { ["org"] = new(2, progress) } }, CancellationToken.None);
        var census = await store.ReadCensusAsync("org", ["org"], CancellationToken.None);
        Assert.Equal((2, 35.0), (census!.Goals["org"].PeopleWithGoals, census.Goals["org"].MedianProgress));

        foreach (var eraser in _bot.Services.GetServices<CheckinBot.Core.GrowthLog.IPersonalDataEraser>())
            await eraser.EraseAsync("AlexW@contoso.com", CancellationToken.None);
        Assert.Equal(["AdeleV@contoso.com"], (await store.ListGoalStocksAsync(CancellationToken.None).ToListAsync()).Select(s => s.UserId));
    }

    [Fact]
    public async Task ARowRemembersItsLatestFolds_EvenAfterItsMemoryWrapsAround()
    {
        var store = _bot.Get<IMetricsStore>();
        var day = new DateOnly(2026, 11, 23);
        MetricFold Fold(int i) => new($"fold-{i}", day, ["org"], new MetricTally { Completed = 1 });

        await store.FoldAsync([.. Enumerable.Range(0, 4_100).Select(Fold)], CancellationToken.None); // more than the row remembers
        await store.FoldAsync([.. Enumerable.Range(4_000, 100).Select(Fold)], CancellationToken.None); // the latest batch retried

        Assert.Equal(4_100, Assert.Single(await store.ReadAsync(["org"], day, day, CancellationToken.None)).Tally.Completed);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await _bot.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
