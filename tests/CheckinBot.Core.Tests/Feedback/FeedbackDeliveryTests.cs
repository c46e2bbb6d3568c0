using CheckinBot.Core.Feedback;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.Tests.Messaging;
using CheckinBot.Core.Tests.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Feedback;

/// <summary>
/// Feedback requests and notes go out like a run's sends: stored with their delivery, claimed, sent, outcome recorded
/// first; retried only when Teams did not take them, never after an unconfirmed send, and never twice after a fault in
/// the recording.
/// </summary>
public sealed class FeedbackDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryFeedbackStore _store = new();
    private readonly InMemoryDeliveryOutbox _outbox;
    private readonly ScriptedMessenger _messenger = new();
    private readonly OutboxSignal _signal = new();

    public FeedbackDeliveryTests() => _outbox = new InMemoryDeliveryOutbox(_time);

    private FeedbackService Feedback => new(_store,
        new InMemoryOrgDirectory([new Person { Id = "alex", DisplayName = "Alex", ManagerId = "megan" }, new Person { Id = "megan", DisplayName = "Megan" }]),
        _outbox, new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _signal, _time, NullLogger<FeedbackService>.Instance);

    private FeedbackDeliveryService Deliveries => new(_store, _store, _outbox, _messenger, new PassingFaults([], _time), _time, NullLogger<FeedbackDeliveryService>.Instance);

    private async Task<FeedbackAsk> AskMeganAsync() =>
        (await Feedback.AskAsync("alex", "megan", "my demo", checkinId: null, CancellationToken.None)).Ask!;

    [Fact]
    public async Task ARequestAndItsAnswer_EachGoOnce_AndLeaveTheOutbox()
    {
        var ask = await AskMeganAsync();
        Assert.Empty(_messenger.Sent); // the turn only stores it: the outbox worker sends
        Assert.Equal(1, await Deliveries.DeliverPendingAsync(CancellationToken.None));

        var (note, _) = await Feedback.GiveAsync("megan", "alex", "Great pacing", isPraise: true, regardingCheckinId: null, ask.Id, CancellationToken.None);
        Assert.Equal(1, await Deliveries.DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(0, await Deliveries.DeliverPendingAsync(CancellationToken.None));

        Assert.Collection(_messenger.Sent,
            s => Assert.Equal(("megan", ask.Id), (s.UserId, Assert.IsType<FeedbackAskedMessage>(s.Message).Ask.Id)),
            s => Assert.Equal(("alex", note!.Id, "my demo"), (s.UserId, Assert.IsType<FeedbackReceivedMessage>(s.Message).Note.Id, ((FeedbackReceivedMessage)s.Message).Topic)));
        Assert.Equal(0, _outbox.Count(OutboxKind.Feedback));
        Assert.Equal(DeliveryStatus.Sent, (await _store.FindDeliveryAsync("alex", note!.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AnUnconfirmedSend_IsRecorded_AndNeverSentAgain()
    {
        _messenger.Script("megan", new DeliveryResult(DeliveryOutcome.Unconfirmed, Reason: "504"));
        var ask = await AskMeganAsync();

        await Deliveries.DeliverPendingAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(2)); // well past any claim
        await Deliveries.DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(1, _messenger.SendsTo("megan"));
        Assert.Equal((DeliveryStatus.Unconfirmed, "504"), ((await _store.FindDeliveryAsync("alex", ask.Id, CancellationToken.None))!.Status, (await _store.FindDeliveryAsync("alex", ask.Id, CancellationToken.None))!.LastError));
    }

    [Fact]
    public async Task AThrottledSend_WaitsUntilItIsDue_ThenGoesOnce()
    {
        _messenger.Script("megan", new DeliveryResult(DeliveryOutcome.Throttled, Reason: "Throttled", RetryAfter: TimeSpan.FromSeconds(30)));
        await AskMeganAsync();

        Assert.Equal(0, await Deliveries.DeliverPendingAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await Deliveries.DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(1, _messenger.SendsTo("megan"));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Deliveries.DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(2, _messenger.SendsTo("megan"));
    }

    [Fact]
    public async Task AFaultWhileRecordingTheOutcome_IsRetried_NotSentAgain()
    {
        var ask = await AskMeganAsync();
        _store.FailNextOutcomeWrites = 2; // the outcome's write times out twice and is retried after each fault's pause
        var sweep = Deliveries.DeliverPendingAsync(CancellationToken.None);
        while (!sweep.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }
        await sweep;
        Assert.Equal(0, _store.FailNextOutcomeWrites);

        _time.Advance(TimeSpan.FromHours(1));
        await Deliveries.DeliverPendingAsync(CancellationToken.None);
        Assert.Equal(1, _messenger.SendsTo("megan"));
        Assert.Equal(DeliveryStatus.Sent, (await _store.FindDeliveryAsync("alex", ask.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AClaimHeldByAnotherSender_IsLeftAlone_UntilItRunsOut()
    {
        var ask = await AskMeganAsync();
        var delivery = (await _store.FindDeliveryAsync("alex", ask.Id, CancellationToken.None))!;
        await _store.TrySaveDeliveryAsync(delivery with { ClaimedUntil = Start + OutboxEntry.ClaimFor, Attempts = 1 }, CancellationToken.None); // a sender that then crashed

        Assert.Equal(0, await Deliveries.DeliverPendingAsync(CancellationToken.None));
        _time.Advance(OutboxEntry.ClaimFor);
        Assert.Equal(1, await Deliveries.DeliverPendingAsync(CancellationToken.None));
        Assert.Equal(1, _messenger.SendsTo("megan"));
    }

    [Fact]
    public async Task ARequestErasedBeforeItWent_IsDropped_NotSent()
    {
        await AskMeganAsync();
        _store.Erase("alex");

        Assert.Equal(0, await Deliveries.DeliverPendingAsync(CancellationToken.None));
        _time.Advance(OutboxEntry.AbandonedAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Deliveries.DeliverPendingAsync(CancellationToken.None));

        Assert.Empty(_messenger.Sent);
        Assert.Equal(0, _outbox.Count(OutboxKind.Feedback));
    }
}
