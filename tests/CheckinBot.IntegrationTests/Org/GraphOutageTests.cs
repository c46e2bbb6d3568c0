using Azure.Core;
using CheckinBot.Core.Org;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.IntegrationTests.Org;

/// <summary>
/// The bot with the Graph directory whose cache does not know Alex yet (no sync has run), against a loopback Graph that
/// holds its answers or refuses: a turn never waits on it, and an outage is a log line per change, not one per turn.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GraphOutageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CollectingLoggerProvider _logs = new(LogLevel.Information);
    private FakeGraph _graph = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        _graph.Put(new GraphUser(BotHost.Megan, "Megan Bowen"));
        _graph.Put(new GraphUser(Activities.UserAadId, "Alex Wilber", ManagerId: BotHost.Megan, HireDate: today.AddDays(-30)));
        for (var i = 0; i < 40; i++)
            _graph.Put(new GraphUser($"eeeeeeee-0000-0000-0000-0000000000{i:00}", $"Colleague {i}", ManagerId: BotHost.Megan));
        _bot = new BotHost(azurite, new BotHostOptions
        {
            BackgroundWork = false, // no sync: the cache knows nobody
            AlexInstalled = false,
            Settings = new Dictionary<string, string?>
            {
                ["OrgDirectory:Source"] = "Graph",
                ["Graph:BaseUrl"] = _graph.BaseUrl,
                ["Graph:BreakDuration"] = "00:00:01",
            },
            Services = s => s.AddSingleton<TokenCredential, FakeGraphCredential>(),
            Logging = l => l.AddProvider(_logs),
        });
        await _bot.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        _graph.Release();
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task ATurnThatMissesTheCache_AnswersWhileGraphStillHoldsTheLookup_AndALaterTurnFindsThePerson()
    {
        await _bot.AddSampleJourneyAsync();
        _graph.Hold();

        await _bot.SayAsync("goals");

        // The goals card came back while the lookup of Alex was still waiting at Graph: the turn did not wait for it.
        Assert.Equal(1, _graph.Held);
        Assert.Contains("goals", _bot.LastPosted(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Onboarding journey", _bot.LastPosted(), StringComparison.Ordinal); // his hire date is Graph's to tell

        _graph.Release();
        await Eventually.TrueAsync(async () => await _bot.Get<IOrgDirectory>().FindAsync(Activities.UserAadId, CancellationToken.None) is not null, "the background lookup stored Alex");
        await _bot.SayAsync("goals");
        Assert.Contains("Onboarding journey: Day 30 of 90", System.Text.RegularExpressions.Regex.Unescape(_bot.LastPosted()), StringComparison.Ordinal); // hired 30 days ago
        Assert.Equal(1, _graph.BatchRequests); // one lookup, shared by every read that missed
    }

    [Fact]
    public async Task AGraphThatRefuses_OpensTheBreaker_LoggedOnceWithoutAStack_AndItClosesOnItsOwn()
    {
        var directory = _bot.Get<IOrgDirectory>();
        _graph.Refuse = true;
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await directory.FindAsync($"eeeeeeee-0000-0000-0000-0000000000{i:00}", CancellationToken.None));
            await Eventually.TrueAsync(() => _graph.Requests == i + 1, "the lookup reached Graph");
        }
        await Eventually.TrueAsync(() => _logs.Entries.Any(e => e.Message.StartsWith("Microsoft Graph keeps failing", StringComparison.Ordinal)), "the breaker opened");

        // Open: a call fails at once, without reaching Graph.
        await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(() =>
            _bot.Get<IOrgChartSource>().GetPeopleAsync(["eeeeeeee-0000-0000-0000-000000000005"], CancellationToken.None));
        Assert.Null(await directory.FindAsync("eeeeeeee-0000-0000-0000-000000000006", CancellationToken.None));
        Assert.Equal(5, _graph.Requests);
        Assert.Single(_logs.Entries, e => e.Message.StartsWith("Microsoft Graph keeps failing", StringComparison.Ordinal));
        Assert.Single(_logs.Entries, e => e.Message.StartsWith("Org lookups are failing", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Exception is not null || e.Level >= LogLevel.Error);

        // Graph is back: once the break is over, a lookup goes out again and closes the breaker.
        _graph.Refuse = false;
        var next = 10;
        await Eventually.TrueAsync(async () => await directory.FindAsync($"eeeeeeee-0000-0000-0000-0000000000{next++:00}", CancellationToken.None) is not null, "a lookup succeeded");
        Assert.Single(_logs.Entries, e => e.Message.StartsWith("Microsoft Graph answers again", StringComparison.Ordinal));
        Assert.Single(_logs.Entries, e => e.Message.StartsWith("Org lookups work again", StringComparison.Ordinal));
    }
}
