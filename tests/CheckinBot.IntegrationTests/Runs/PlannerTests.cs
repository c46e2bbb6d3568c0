using CheckinBot.Core.Cadences;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>The scheduled planner on Azurite: one lease holder, each person due at their own local hour, planned once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlannerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero)); // Monday
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        await _bot.InitializeAsync();
        await Get<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "weekly-growth",
            Name = "Weekly growth check-in",
            Audience = new CadenceAudience { Everyone = true },
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin" },
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    private T Get<T>() where T : notnull => _bot.Get<T>();

    [Fact]
    public async Task Cycle_IsPlannedOnce_EachPersonDueAtTheirLocalHour_AndSentThenNotBefore_LongMissedHoursWaitForTheNextCycle()
    {
        // Planned first at 07:00 UTC: Sydney's 09:30 (22:30 UTC) and Tokyo's (00:30 UTC) passed over six hours ago,
        // so those two start with the next cycle instead of getting Monday's check-in in their evening.
        Assert.Equal(18, await Get<CadencePlanner>().PlanDueAsync(CancellationToken.None));
        Assert.Equal(0, await Get<CadencePlanner>().PlanDueAsync(CancellationToken.None)); // a second tick (or instance) adds nobody

        var store = Get<IRunStore>();
        Assert.Equal(18, (await store.FindRunAsync("weekly-growth-20261130", CancellationToken.None))!.Total);
        Assert.Null(await Get<IRunRecipientStore>().FindRecipientAsync("weekly-growth-20261130", "4f0f7b2e-1c3a-4e51-9d2a-0a1b2c3d4e09", CancellationToken.None)); // Nestor, Sydney
        async Task<RunRecipient> RecipientAsync(string userId) => (await Get<IRunRecipientStore>().FindRecipientAsync("weekly-growth-20261130", userId, CancellationToken.None))!;
        var alex = await RecipientAsync(Activities.UserAadId);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero), alex.DueAt); // Berlin
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 30, 0, TimeSpan.Zero), (await RecipientAsync("00000000-0000-0000-0000-0000000000021")).DueAt); // Megan, New York
        var christie = await RecipientAsync("4f0f7b2e-1c3a-4e51-9d2a-0a1b2c3d4e11");
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 4, 0, 0, TimeSpan.Zero), christie.DueAt); // Kolkata
        Assert.Equal("weekly-growth:2026-11-30", alex.OccurrenceId);
        Assert.NotEqual(alex.Chunk, christie.Chunk); // people due at different moments are queued apart

        var runs = Get<ChunkSender>();
        Assert.Equal(TimeSpan.FromMinutes(90), await runs.SendChunkAsync("weekly-growth-20261130", alex.Chunk, CancellationToken.None));
        Assert.DoesNotContain(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("Time for your", StringComparison.Ordinal));

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 31, 0, TimeSpan.Zero));
        Assert.Null(await runs.SendChunkAsync("weekly-growth-20261130", alex.Chunk, CancellationToken.None));
        Assert.Single(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("Time for your Weekly growth check-in", StringComparison.Ordinal));
        Assert.Equal(RecipientStatus.Sent, (await RecipientAsync(Activities.UserAadId)).Status);
    }

    [Fact]
    public async Task Lease_IsHeldByOneInstanceAtATime()
    {
        var leases = Get<ILeaderLease>();

        await using (var first = await leases.TryAcquireAsync("planner-test", CancellationToken.None))
        {
            Assert.NotNull(first);
            Assert.Null(await leases.TryAcquireAsync("planner-test", CancellationToken.None));
        }
        await using var again = await leases.TryAcquireAsync("planner-test", CancellationToken.None);
        Assert.NotNull(again);
    }
}
