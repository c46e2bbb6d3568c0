using Azure.Storage.Queues;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>The fan-out's queue on Azurite: work put off for days is kept, once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkBacklogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite, BotHostOptions.FakeClock(new FakeTimeProvider()));

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task WorkPutOffLongerThanAMessageMayHide_IsKeptOnce_AndHidden()
    {
        var backlog = _bot.Get<IWorkBacklog>();
        await backlog.EnqueueAsync([new SendWork("run-1", 0)], TimeSpan.Zero, CancellationToken.None);
        var taken = Assert.Single(await backlog.TakeAsync(32, TimeSpan.FromSeconds(30), CancellationToken.None));

        // Ten days: more than the 7 a queue message can stay hidden (the wait is capped and the chunk looks again).
        await backlog.RetryLaterAsync(taken, TimeSpan.FromDays(10), CancellationToken.None);

        var properties = (await _bot.Get<QueueClient>().GetPropertiesAsync()).Value;
        Assert.Equal(1, properties.ApproximateMessagesCount);
        Assert.Empty(await backlog.TakeAsync(32, TimeSpan.FromSeconds(30), CancellationToken.None));
    }
}
