using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.Tests.CheckIns;
using CheckinBot.Core.Tests.Feedback;
using CheckinBot.Core.Tests.Insights;
using CheckinBot.Core.Tests.Messaging;
using CheckinBot.Core.Tests.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Managers;

/// <summary>Share → summary, in Core alone: the completion's hand-off and outbox entry are what delivery finds.</summary>
public sealed class ManagerSummaryDeliveryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryGrowthLogStore _log = new();
    private readonly InMemoryDeliveryOutbox _outbox;
    private readonly InMemoryMetricsOutbox _events;
    private readonly ScriptedMessenger _messenger = new();
    private readonly InMemoryOrgDirectory _directory = new([new Person { Id = "alex", DisplayName = "Alex", ManagerId = "megan" }, new Person { Id = "megan", DisplayName = "Megan" }]);

    public ManagerSummaryDeliveryTests() => (_outbox, _events) = (new(_time), new(_time));

    private CheckinService Checkins => new(_log, _log, QuestionSetStores.Holding().Object, new OutboxSignal(), _outbox, _events, _time, NullLogger<CheckinService>.Instance);

    private ManagerSummaryDeliveryService Delivery => new(_log, _outbox, _events, _log, new ManagerSummaryBuilder(_log, _log), _directory, _messenger,
        new InMemoryFeedbackStore(), new PassingFaults([], _time), _time, NullLogger<ManagerSummaryDeliveryService>.Instance);

    private async Task FinishAsync(bool share)
    {
        await Checkins.StartOrResumeAsync("alex", null, CancellationToken.None);
        foreach (var answer in new[] { "4", "skip", "skip", "skip", "no", "skip" })
            await Checkins.HandleAsync("alex", Guid.NewGuid().ToString(), new DialogueInput.Answer(answer), CancellationToken.None);
        await Checkins.HandleAsync("alex", "finish", new DialogueInput.Share(share), CancellationToken.None);
    }

    [Fact]
    public async Task ASharedCheckin_GoesToTheManagerOnce_AndItsHandoffSaysSent()
    {
        await FinishAsync(share: true);

        Assert.Equal(1, await Delivery.DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(0, await Delivery.DeliverPendingAsync(CancellationToken.None));

        Assert.Equal(1, _messenger.SendsTo("megan"));
        var record = Assert.Single(_log.Records);
        Assert.Equal(ShareStatus.Sent, (await _log.FindAsync("alex", record.CheckinId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task APrivateCheckin_SendsNothing()
    {
        await FinishAsync(share: false);

        Assert.Equal(0, await Delivery.DeliverPendingAsync(CancellationToken.None));
        Assert.Empty(_messenger.Sent);
    }
}
