using CheckinBot.Core.Cadences;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>
/// "Run now" (issue 19): one run of a cadence at a time, a single-use confirmation, a second confirmation within the
/// rerun guard, and nobody asked again who has the cadence's check-in open. The queue work is done by the test, at the
/// moments its clock chooses.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunNowRulesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;

    private RunService Runs => _bot.Get<RunService>();

    public async Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        await _bot.InitializeAsync();
        await _bot.AddMeganAndWeeklyCadenceAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    private int Questions => _bot.Connector.PostedActivities.Count(a => a.GetRawText().Contains("Time for your Weekly growth check-in", StringComparison.Ordinal));

    /// <summary>Plans and sends the run (one chunk: two people due at once), as the queue's work would.</summary>
    private async Task SendAsync(string runId)
    {
        await Runs.PlanAsync(runId, CancellationToken.None);
        Assert.Null(await _bot.Get<ChunkSender>().SendChunkAsync(runId, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Confirmation_SaysHowManyPeople_AndIsSingleUse_SoADoubleClickStartsOneRun()
    {
        var ask = await Runs.AskAsync("weekly-growth", CancellationToken.None);
        Assert.Equal((RunNowOutcome.NeedsConfirmation, 2, false), (ask.Outcome, ask.Audience, ask.IsRerun));

        var first = await Runs.StartAsync("weekly-growth", ask.RunId, force: false, CancellationToken.None);
        var second = await Runs.StartAsync("weekly-growth", ask.RunId, force: false, CancellationToken.None);

        Assert.Equal((RunNowOutcome.Started, RunNowOutcome.AlreadyStarted), (first.Outcome, second.Outcome));
        Assert.Equal(ask.RunId, second.RunId);
        await SendAsync(first.RunId!);
        Assert.Equal(2, Questions);
    }

    [Fact]
    public async Task WhileARunIsInProgress_AnotherIsRefused_AfterItFinished_ARerunNeedsASecondConfirmation_UntilTheGuardPasses()
    {
        var first = await Runs.StartAsync("weekly-growth", runId: null, force: false, CancellationToken.None);

        var during = await Runs.StartAsync("weekly-growth", runId: null, force: false, CancellationToken.None);
        Assert.Equal((RunNowOutcome.Running, first.RunId), (during.Outcome, during.RunId));

        await SendAsync(first.RunId!);
        _time.Advance(TimeSpan.FromHours(2));
        var again = await Runs.StartAsync("weekly-growth", runId: null, force: false, CancellationToken.None);
        Assert.Equal((RunNowOutcome.NeedsConfirmation, true, 2), (again.Outcome, again.IsRerun, again.Progress!.Sent));
        Assert.Equal(RunNowOutcome.Started, (await Runs.StartAsync("weekly-growth", again.RunId, force: true, CancellationToken.None)).Outcome);

        // Nobody is asked twice: both still have the first run's check-in open.
        await SendAsync(again.RunId!);
        Assert.Equal(2, Questions);
        var progress = (await Runs.ProgressAsync(again.RunId!, CancellationToken.None))!;
        Assert.Equal((0, 2), (progress.Sent, progress.Skipped));

        _time.Advance(new FanoutOptions().RerunGuard);
        Assert.Equal(RunNowOutcome.Started, (await Runs.StartAsync("weekly-growth", runId: null, force: false, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task APausedCadence_IsRefused_AndNothingIsStarted()
    {
        var cadence = (await _bot.Get<ICadenceStore>().FindAsync("weekly-growth", CancellationToken.None))!;
        await _bot.Get<ICadenceStore>().TrySaveAsync(cadence with { Active = false }, CancellationToken.None);

        Assert.Equal(RunNowOutcome.Paused, (await Runs.AskAsync("weekly-growth", CancellationToken.None)).Outcome);
        Assert.Equal(RunNowOutcome.Paused, (await Runs.StartAsync("weekly-growth", runId: null, force: true, CancellationToken.None)).Outcome);
        Assert.Null(await Runs.LatestRunAsync("weekly-growth", CancellationToken.None));
    }
}
