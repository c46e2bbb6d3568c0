using CheckinBot.Core.Insights;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Insights;

/// <summary>
/// <c>stats</c> in chat for each role, with the sample org (samples/org.csv): Alex leads Isaiah and Diego (a team under
/// the threshold of five), and is HR when the settings say so.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StatsChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _bot.DisposeAsync();

    private async Task StartAsync(bool alexIsHr)
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time) with
        {
            Settings = alexIsHr ? new Dictionary<string, string?> { ["Hr:AdminUserIds:0"] = Activities.UserAadId } : null,
        });
        await _bot.InitializeAsync();
        await _bot.SayAsync("check in");
        foreach (var answer in new[] { "4", "Shipped the importer", "skip", "skip", "no", "skip", "private" })
        {
            _time.Advance(TimeSpan.FromMinutes(2));
            await _bot.SayAsync(answer);
        }
        var aggregator = _bot.Get<MetricsAggregator>();
        await _bot.Get<MetricsCensusService>().TakeIfDueAsync(CancellationToken.None);
        await aggregator.FoldPendingAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnEmployeeWhoLeadsTwo_SeesTheirOwnWeeks_AndNoNumberOfTheirSmallTeam()
    {
        await StartAsync(alexIsHr: false);

        await _bot.SayAsync("stats");

        var card = _bot.LastPosted();
        Assert.Contains("The last four weeks", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Check-ins completed\",\"value\":\"1\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Your recent energy\",\"value\":\"4\"", card, StringComparison.Ordinal);
        Assert.Contains("fewer than 5 people, so no figures are shown", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Organisation", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Shipped the importer", card, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"Action.OpenUrl\",\"url\":\"http://localhost/tab\",\"title\":\"Open the Growth tab\"}", card, StringComparison.Ordinal); // no Teams app id here: the page
    }

    [Fact]
    public async Task HR_SeesTheOrganisation_CountedFromTheRollups()
    {
        await StartAsync(alexIsHr: true);

        await _bot.SayAsync("stats");

        var card = _bot.LastPosted();
        Assert.Contains("Organisation", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"People\",\"value\":\"20\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Median time to complete\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Energy by week\",\"value\":\"4.0\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Goals\",\"value\":\"0 created, 0 milestones, 0 completed\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Feedback requests answered\",\"value\":\"0 of 0 asked\"", card, StringComparison.Ordinal);
    }
}
