using System.Text.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Insights;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>
/// People away when their cadence's check-in is due, through storage: held and asked in their first working hour back,
/// once; or, away past the occurrence's window, counted as away in the run's progress and HR's figures.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AwayRecipientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero); // Friday 10:00 in Berlin
    private readonly FakeTimeProvider _time = new(Start);
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        await _bot.InitializeAsync();
        await _bot.AddMeganAndWeeklyCadenceAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    private int QuestionsIn(string conversationId) => _bot.Connector.PostedActivities.Count(a =>
        a.GetProperty("conversation").GetProperty("id").GetString() == conversationId
        && a.GetRawText().Contains("Time for your Weekly growth check-in", StringComparison.Ordinal));

    private async Task<string> RunNowAsync()
    {
        var runs = _bot.Get<RunService>();
        var run = await runs.StartAsync("weekly-growth", runId: null, force: false, CancellationToken.None);
        await runs.PlanAsync(run.RunId!, CancellationToken.None);
        return run.RunId!;
    }

    [Fact]
    public async Task SomeoneWhoSaidTheyAreAway_IsHeld_ThenAskedInTheirFirstWorkingHourBack_Once()
    {
        await _bot.SayAsync("away until 30 Nov");
        Assert.Contains("back on Monday 30 November", _bot.LastPosted(), StringComparison.Ordinal);
        var runId = await RunNowAsync();
        var sender = _bot.Get<ChunkSender>();
        var backAt = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero); // Monday 08:00 in Berlin

        Assert.Equal(backAt - Start, await sender.SendChunkAsync(runId, 0, CancellationToken.None));
        var waiting = (await _bot.Get<RunService>().ProgressAsync(runId, CancellationToken.None))!;
        Assert.Equal((1, 1, 1), (waiting.Sent, waiting.Pending, waiting.HeldAway));
        Assert.Equal(0, QuestionsIn(Activities.ConversationId));

        _time.SetUtcNow(backAt);
        Assert.Null(await sender.SendChunkAsync(runId, 0, CancellationToken.None));
        Assert.Null(await sender.SendChunkAsync(runId, 0, CancellationToken.None)); // redelivered: not again
        Assert.Equal(1, QuestionsIn(Activities.ConversationId));
        var done = (await _bot.Get<RunService>().ProgressAsync(runId, CancellationToken.None))!;
        Assert.Equal((2, 0, 0), (done.Sent, done.HeldAway, done.Away));
    }

    [Fact]
    public async Task AwayPastTheWeek_IsNotAsked_AndCountsAsAway_InTheRunsProgressAndHrsFigures()
    {
        await _bot.Get<CheckinService>().SayAwayAsync(BotHost.Megan, Start.AddDays(12), CancellationToken.None);
        var runId = await RunNowAsync();

        Assert.Null(await _bot.Get<ChunkSender>().SendChunkAsync(runId, 0, CancellationToken.None));

        var megan = (await _bot.Get<IRunRecipientStore>().FindRecipientAsync(runId, BotHost.Megan, CancellationToken.None))!;
        Assert.Equal((RecipientStatus.Away, "Said"), (megan.Status, megan.Reason));
        var progress = (await _bot.Get<RunService>().ProgressAsync(runId, CancellationToken.None))!;
        Assert.Equal((1, 1, 0, 0), (progress.Sent, progress.Away, progress.Skipped, progress.Pending));
        Assert.Equal(0, QuestionsIn("a:" + BotHost.Megan));

        await _bot.Get<MetricsCensusService>().TakeIfDueAsync(CancellationToken.None);
        await _bot.Get<MetricsAggregator>().FoldPendingAsync(CancellationToken.None);
        var participation = JsonDocument.Parse(await _bot.Client.GetStringAsync("/api/admin/metrics?groupBy=cadence")).RootElement
            .GetProperty("total").GetProperty("participation");
        Assert.Equal((1, 1), (participation.GetProperty("sent").GetInt32(), participation.GetProperty("away").GetInt32()));
        var csv = await _bot.Client.GetStringAsync("/api/admin/export?groupBy=cadence");
        Assert.EndsWith(",away", csv.Split("\r\n")[0], StringComparison.Ordinal);
    }
}
