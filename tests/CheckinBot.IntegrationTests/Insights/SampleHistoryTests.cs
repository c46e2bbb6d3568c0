using System.Text.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Insights;
using CheckinBot.TestKit;
using Microsoft.Extensions.Logging;

namespace CheckinBot.IntegrationTests.Insights;

/// <summary>The local run's six months of sample history (<c>Local:SeedHistory</c>), through the Core services.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SampleHistoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Irvin = "4f0f7b2e-1c3a-4e51-9d2a-0a1b2c3d4e14"; // the last person of samples/org.csv
    private readonly CollectingLoggerProvider _logs = new(Microsoft.Extensions.Logging.LogLevel.Information);
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(azurite, new BotHostOptions
        {
            Settings = new Dictionary<string, string?> { ["Local:SeedHistory"] = "true" },
            Logging = l => l.AddProvider(_logs),
            AlexInstalled = false,
        });
        return _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task HalfAYearOfCheckinsAndGoals_ShowsInTheMetrics()
    {
        await Eventually.TrueAsync(() => _logs.Entries.Any(e => e.Message.StartsWith("Seeded ", StringComparison.Ordinal)), "the sample history written", TimeSpan.FromSeconds(90));
        var history = await _bot.Get<ICheckinStore>().ListCheckinsAsync(Irvin, CancellationToken.None);
        Assert.All(history, r => Assert.StartsWith("weekly-growth:", r.OccurrenceId, StringComparison.Ordinal));
        Assert.True(history.Select(r => r.CompletedAt).Max() - history.Select(r => r.CompletedAt).Min() > TimeSpan.FromDays(120));

        var cadence = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "cadence.json"));
        Assert.True((await _bot.Client.PostAsync("/api/admin/cadences", new StringContent(cadence, System.Text.Encoding.UTF8, "application/json"))).IsSuccessStatusCode);
        // Patti is away for the next ten days: the preview of the coming occurrences says so.
        var preview = JsonDocument.Parse(await _bot.Client.GetStringAsync("/api/admin/cadences/weekly-growth/preview")).RootElement;
        Assert.Contains(preview.GetProperty("lines").EnumerateArray(), l => l.GetProperty("name").GetString() == "Patti Fernandez" && l.GetProperty("leftOut").GetString() == "away");
        var aggregator = _bot.Get<MetricsAggregator>();
        while (await aggregator.FoldPendingAsync(CancellationToken.None) > 0)
        {
            // every sweep's worth, until nothing is due
        }
        await _bot.Get<MetricsCensusService>().TakeIfDueAsync(CancellationToken.None); // after the folds: it adds up the goal stocks they left
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var response = await _bot.Client.GetStringAsync($"/api/admin/metrics?groupBy=cadence&period=month&from={today.AddMonths(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var weekly = JsonDocument.Parse(response).RootElement.GetProperty("groups")[0];

        Assert.Equal("cadence:weekly-growth", weekly.GetProperty("key").GetString());
        Assert.InRange(weekly.GetProperty("participation").GetProperty("completed").GetInt32(), 250, 520); // 20 people × 26 weeks × ~3 in 4
        Assert.InRange(weekly.GetProperty("periods").GetArrayLength(), 6, 8);
        Assert.InRange(weekly.GetProperty("participation").GetProperty("started").GetInt32(), weekly.GetProperty("participation").GetProperty("completed").GetInt32(), 600);
        var organisation = JsonDocument.Parse(response).RootElement.GetProperty("total").GetProperty("goals");
        Assert.InRange(organisation.GetProperty("peopleWithGoals").GetInt32(), 5, 20);
        Assert.InRange(organisation.GetProperty("medianProgress").GetDouble(), 1, 99);
        Assert.Contains((await _bot.Get<IGoalStore>().ListGoalsAsync(Irvin, CancellationToken.None)).Concat(
            await _bot.Get<IGoalStore>().ListGoalsAsync("00000000-0000-0000-0000-0000000000020", CancellationToken.None)), g => g.History.Count > 3);
    }
}
