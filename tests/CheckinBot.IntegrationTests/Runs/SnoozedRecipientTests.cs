using Azure.Storage.Queues;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>A person who snoozed when their cadence's check-in was due gets it when the snooze ends, once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SnoozedRecipientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Megan = BotHost.Megan;
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        await _bot.InitializeAsync();
        await _bot.AddMeganAndWeeklyCadenceAsync(new ReminderPolicy { AfterHours = 4, Max = 1 });
    }

    private async Task<int> QueuedAsync() => (await _bot.Get<QueueClient>().GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public Task DisposeAsync() => _bot.DisposeAsync();

    private int QuestionsIn(string conversationId) => _bot.Connector.PostedActivities.Count(a =>
        a.GetProperty("conversation").GetProperty("id").GetString() == conversationId
        && a.GetRawText().Contains("Time for your Weekly growth check-in", StringComparison.Ordinal));

    [Fact]
    public async Task SnoozedWhenDue_IsPendingUntilTheSnoozeEnds_ThenGetsTheCheckinOnce()
    {
        var until = Start.AddDays(1);
        await _bot.Get<CheckinService>().SnoozeAsync(Activities.UserAadId, until, CancellationToken.None);
        var runs = _bot.Get<RunService>();
        var sender = _bot.Get<ChunkSender>();
        var run = await runs.StartAsync("weekly-growth", runId: null, force: false, CancellationToken.None);
        await runs.PlanAsync(run.RunId!, CancellationToken.None);
        var queued = await QueuedAsync();

        Assert.Equal(TimeSpan.FromDays(1), await sender.SendChunkAsync(run.RunId!, 0, CancellationToken.None));
        Assert.Equal(queued + 1, await QueuedAsync()); // Megan's reminder is queued now, not after Alex's snooze
        var waiting = (await runs.ProgressAsync(run.RunId!, CancellationToken.None))!;
        Assert.Equal((2, 1, 0, 1, 1), (waiting.Total, waiting.Sent, waiting.Skipped, waiting.Pending, waiting.Snoozed));
        Assert.Equal(1, QuestionsIn("a:" + Megan));
        Assert.Null(waiting.CompletedAt);

        // The chunk's message comes back early (a redelivery): still nothing for Alex.
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(TimeSpan.FromHours(22), await sender.SendChunkAsync(run.RunId!, 0, CancellationToken.None));
        await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help"));
        Assert.Equal(0, QuestionsIn(Activities.ConversationId));

        _time.SetUtcNow(until);
        Assert.Null(await sender.SendChunkAsync(run.RunId!, 0, CancellationToken.None));
        Assert.Null(await sender.SendChunkAsync(run.RunId!, 0, CancellationToken.None)); // redelivered: not again
        Assert.Equal((1, 1), (QuestionsIn(Activities.ConversationId), QuestionsIn("a:" + Megan)));
        var done = (await runs.ProgressAsync(run.RunId!, CancellationToken.None))!;
        Assert.Equal((2, 0, 0, 0), (done.Sent, done.Pending, done.Failed, done.Snoozed));
        Assert.Equal(until, done.CompletedAt);
    }

    [Fact]
    public async Task SnoozedPastTheNextCycle_IsSkipped_ForTheNextCycleAsksAnyway()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero)); // Monday
        await _bot.Get<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "monday-growth",
            Name = "Monday growth check-in",
            Audience = new CadenceAudience { UserIds = [Activities.UserAadId] },
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin" },
        }, CancellationToken.None);
        await _bot.Get<CheckinService>().SnoozeAsync(Activities.UserAadId, new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), CancellationToken.None);
        Assert.Equal(1, await _bot.Get<CadencePlanner>().PlanDueAsync(CancellationToken.None));
        var alex = (await _bot.Get<IRunRecipientStore>().FindRecipientAsync("monday-growth-20261130", Activities.UserAadId, CancellationToken.None))!;

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 31, 0, TimeSpan.Zero));
        Assert.Null(await _bot.Get<ChunkSender>().SendChunkAsync("monday-growth-20261130", alex.Chunk, CancellationToken.None));

        var skipped = (await _bot.Get<IRunRecipientStore>().FindRecipientAsync("monday-growth-20261130", Activities.UserAadId, CancellationToken.None))!;
        Assert.Equal((RecipientStatus.Skipped, "snoozed past the next cycle"), (skipped.Status, skipped.Reason));
        Assert.Equal(0, QuestionsIn(Activities.ConversationId));
    }
}
