using CheckinBot.Core.Cadences;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>A cadence's reminders on Azurite: after the policy's hours, in the person's working hours, only while their check-in is open.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero)); // Friday, 17:00 in Berlin
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        await _bot.InitializeAsync();
        await Get<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "weekly-growth",
            Name = "Weekly growth check-in",
            Audience = new CadenceAudience { UserIds = [Activities.UserAadId] },
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin" },
            Reminder = new ReminderPolicy { AfterHours = 24, Max = 2 },
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    private T Get<T>() where T : notnull => _bot.Get<T>();

    private int Reminders => _bot.Connector.PostedActivities.Count(a => a.GetRawText().Contains("A gentle reminder", StringComparison.Ordinal));

    [Fact]
    public async Task Reminder_AfterTheHours_MovedOffTheWeekend_AndNotOnceThePersonSetTheCheckinAside()
    {
        var run = await Get<RunService>().StartAsync("weekly-growth", runId: null, force: false, CancellationToken.None);
        await Get<RunService>().PlanAsync(run.RunId!, CancellationToken.None);
        var runs = Get<ChunkSender>();
        Assert.Null(await runs.SendChunkAsync(run.RunId!, 0, CancellationToken.None));
        Assert.Contains("Time for your Weekly growth check-in", _bot.Connector.PostedActivities[^1].GetRawText(), StringComparison.Ordinal);

        // 24 hours later is Saturday: the reminder waits for Monday 08:00 in Berlin (07:00 UTC).
        Assert.Equal(new TimeSpan(2, 15, 0, 0), await runs.RemindChunkAsync(run.RunId!, 0, 1, CancellationToken.None));
        Assert.Equal(0, Reminders);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        Assert.Null(await runs.RemindChunkAsync(run.RunId!, 0, 1, CancellationToken.None));
        Assert.Equal(1, Reminders);
        Assert.Null(await runs.RemindChunkAsync(run.RunId!, 0, 1, CancellationToken.None)); // redelivered: not again
        Assert.Equal(1, Reminders);

        // The second comes 24 hours after the first; by then Alex has set the check-in aside, so it is not sent.
        Assert.Equal(TimeSpan.FromHours(24), await runs.RemindChunkAsync(run.RunId!, 0, 2, CancellationToken.None));
        await _bot.PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "cancel"));
        _time.Advance(TimeSpan.FromHours(24));
        Assert.Null(await runs.RemindChunkAsync(run.RunId!, 0, 2, CancellationToken.None));
        Assert.Equal(1, Reminders);
        Assert.Equal(2, (await Get<IRunRecipientStore>().FindRecipientAsync(run.RunId!, Activities.UserAadId, CancellationToken.None))!.Reminded);
    }
}
