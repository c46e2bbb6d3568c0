using CheckinBot.Core.Insights.Events;
using CheckinBot.Core.Insights.Events.CheckinCompleted;
using CheckinBot.Core.Insights.Events.CheckinSnoozed;
using CheckinBot.Core.Insights.Events.CheckinStarted;
using CheckinBot.Core.Insights.Events.ChunkFinished;
using CheckinBot.Core.Insights.Events.FeedbackAnswered;
using CheckinBot.Core.Insights.Events.FeedbackAsked;
using CheckinBot.Core.Insights.Events.GoalChanged;
using CheckinBot.Core.Insights.Events.ManagerReplied;
using CheckinBot.Core.Messaging;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Storage;

/// <summary>Every kind of metrics event comes back from the outbox table as it was noted, also from rows an older version wrote.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MetricsOutboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite, BotHostOptions.FakeClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))));

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task EachEvent_ReadsBackAsNoted_AndIsForgotten()
    {
        MetricsEvent[] events =
        [
            new CheckinCompleted("alex", "0193a1b2c3d4"),
            new CheckinStarted("alex", "0193a1b2c3d5"),
            new CheckinSnoozed("alex", new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero)),
            new GoalChanged("alex", "0193goal", GoalChanged.Milestone("m2")),
            new GoalChanged("alex", "0193goal", GoalChanged.Moved),
            new ChunkFinished("0193run", 12),
            new FeedbackAsked("alex", "ask1"),
            new FeedbackAnswered("alex", "ask1"),
            new ManagerReplied("alex", "0193a1b2c3d4"),
        ];
        var outbox = _bot.Get<IMetricsOutbox>();
        foreach (var metricsEvent in events)
            await outbox.NoteAsync(metricsEvent, CancellationToken.None);

        var read = (await outbox.ListDueAsync(100, CancellationToken.None)).Select(n => n.Event).ToList();
        Assert.Equal(events.OrderBy(e => e.ToString()), read.OrderBy(e => e.ToString()));

        foreach (var metricsEvent in events)
            await outbox.ForgetAsync(metricsEvent, CancellationToken.None);
        Assert.Empty(await outbox.ListDueAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task ARowTheBotNeverWrote_IsDropped_NotFolded()
    {
        await _bot.Get<IDeliveryOutbox>().NoteAsync(OutboxKind.Metrics, "alex", "goal-", CancellationToken.None);
        await _bot.Get<IDeliveryOutbox>().NoteAsync(OutboxKind.Metrics, "0193run", "chunk-x", CancellationToken.None);

        Assert.Empty(await _bot.Get<IMetricsOutbox>().ListDueAsync(100, CancellationToken.None));
        Assert.Empty(await _bot.Get<IDeliveryOutbox>().ListDueAsync(OutboxKind.Metrics, 100, CancellationToken.None));
    }
}
