using CheckinBot.Core.Registrations;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.Runs;
using Metrics = CheckinBot.Core.Insights;
using CheckinBot.Core.Tests.CheckIns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CheckinBot.Core.Tests.Runs;

/// <summary>
/// The fan-out rules in Core with in-memory stores (the Azurite integration tests prove the same through storage): one
/// chunk of two people, the outcome classes, claims held by another sender, people who cannot be reached, reminders,
/// and the "run now" rules.
/// </summary>
public sealed class RunRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero); // a Monday
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryRunStore _runs = new();
    private readonly InMemoryWorkBacklog _queue = new();
    private readonly InMemoryGrowthLogStore _log = new();
    private readonly ScriptedMessenger _messenger = new();
    private readonly Mock<ICadenceStore> _cadences = new();
    private readonly IOptions<FanoutOptions> _options = Options.Create(new FanoutOptions());

    public RunRulesTests() =>
        _cadences.Setup(c => c.FindAsync("weekly", It.IsAny<CancellationToken>())).ReturnsAsync(new Cadence
        {
            Id = "weekly",
            Name = "Weekly growth",
            Audience = new CadenceAudience { UserIds = ["alex", "megan"] },
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "10:00", TimeZone = "Europe/Berlin" },
            Reminder = new ReminderPolicy { AfterHours = 24, Max = 1 },
        });

    private InMemoryOrgDirectory _directory = new([new Person { Id = "alex", TimeZone = "Europe/Berlin" }, new Person { Id = "megan", TimeZone = "Europe/Berlin" }]);
    private readonly Registrations.InMemoryChatRegistrationStore _registrations = new();

    private RunService Runs => new(_cadences.Object, _runs, _runs, _runs, _runs, _queue, _directory,
        Mock.Of<IGroupMembers>(), new TurnGroupMembers(Mock.Of<IGroupMembers>(), new TurnBound(Options.Create(new TurnLookupOptions()), _time), _time),
        new PersonZones(_directory, _registrations), _options, _time, NullLogger<RunService>.Instance);

    private readonly Away.ScriptedAutomaticReplies _outlook = new();

    private CheckinBot.Core.Away.AwayService? _away;

    /// <summary>One for the test, as in the host: what it read of Outlook is remembered across sends.</summary>
    private CheckinBot.Core.Away.AwayService AwayNow => _away ??= new(_log, _outlook, new TurnBound(Options.Create(new TurnLookupOptions()), _time), _time, NullLogger<CheckinBot.Core.Away.AwayService>.Instance);

    private ChunkSender Sender => new(_cadences.Object, _runs, _runs, _runs, _queue,
        new CheckinService(_log, _log, QuestionSetStores.Holding().Object, new OutboxSignal(), new CheckinBot.Core.Tests.Messaging.InMemoryDeliveryOutbox(_time), new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time, NullLogger<CheckinService>.Instance),
        _messenger, new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), new RecipientOutcomes(_runs, _runs, new PassingFaults([], _time), _time, NullLogger<RecipientOutcomes>.Instance),
        AwayNow, new CheckinBot.Core.Away.SendTimeRule(AwayNow, Options.Create(new CheckinBot.Core.Time.WorkdayOptions()), _time),
        new CheckinBot.Core.Fatigue.FatigueService(_log, _time, NullLogger<CheckinBot.Core.Fatigue.FatigueService>.Instance), _options,
        Options.Create(new CheckinBot.Core.Time.WorkdayOptions()), _time);

    private async Task<string> StartedRunAsync()
    {
        var run = await Runs.StartAsync("weekly", runId: null, force: true, CancellationToken.None);
        await Runs.PlanAsync(run.RunId!, CancellationToken.None);
        return run.RunId!;
    }

    private Task<RunRecipient?> RecipientAsync(string runId, string userId) => _runs.FindRecipientAsync(runId, userId, CancellationToken.None);

    [Fact]
    public async Task RunNow_RemindsInTheZoneTeamsReported_WhenTheDirectoryHasNone()
    {
        _directory = new([new Person { Id = "alex", TimeZone = "Europe/Berlin" }, new Person { Id = "megan" }]);
        _registrations.Put(new ChatRegistration { UserId = "megan", TenantId = "t", ChannelUserId = "29:megan", ConversationId = "a:megan", ServiceUrl = "https://smba.example/", TimeZone = "America/New_York" });

        var runId = await StartedRunAsync();

        Assert.Equal("America/New_York", (await RecipientAsync(runId, "megan"))!.TimeZone);
        Assert.Equal("Europe/Berlin", (await RecipientAsync(runId, "alex"))!.TimeZone);
    }

    [Fact]
    public async Task EachOutcomeClassIsRecorded_AndOnlyWhatTeamsDidNotTakeIsTriedAgain()
    {
        var runId = await StartedRunAsync();
        _messenger.Script("alex", new DeliveryResult(DeliveryOutcome.Unconfirmed, Reason: "504"));
        _messenger.Script("megan", new DeliveryResult(DeliveryOutcome.Throttled, Reason: "Throttled", RetryAfter: TimeSpan.FromSeconds(5)));

        Assert.Equal(TimeSpan.FromSeconds(5), await Sender.SendChunkAsync(runId, 0, CancellationToken.None));
        Assert.Equal(RecipientStatus.Unconfirmed, (await RecipientAsync(runId, "alex"))!.Status);
        Assert.Equal((RecipientStatus.Pending, 1, (DateTimeOffset?)null), ((await RecipientAsync(runId, "megan"))!.Status, (await RecipientAsync(runId, "megan"))!.Attempts, (await RecipientAsync(runId, "megan"))!.ClaimedUntil));

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None));
        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None)); // redelivered: nothing more

        Assert.Equal((1, 2), (_messenger.SendsTo("alex"), _messenger.SendsTo("megan")));
        var progress = (await Runs.ProgressAsync(runId, CancellationToken.None))!;
        Assert.Equal((1, 1, 0, 2), (progress.Sent, progress.Unconfirmed, progress.Pending, progress.Total));
        Assert.NotNull(progress.CompletedAt);
    }

    [Fact]
    public async Task ASendThatKeepsFailing_IsTriedFiveTimes_ThenDeadLettered()
    {
        var runId = await StartedRunAsync();
        _messenger.Script("megan", [.. Enumerable.Repeat(new DeliveryResult(DeliveryOutcome.Failed, Reason: "500"), 10)]);

        for (var i = 0; i < 10 && await Sender.SendChunkAsync(runId, 0, CancellationToken.None) is { } retryIn; i++)
            _time.Advance(retryIn);

        Assert.Equal(ChunkSender.MaxAttempts, _messenger.SendsTo("megan"));
        Assert.Equal(RecipientStatus.Failed, (await RecipientAsync(runId, "megan"))!.Status);
        Assert.Equal("megan", Assert.Single(_runs.DeadLetters).UserId);
    }

    [Fact]
    public async Task SomeoneWhoCannotBeReached_IsRecordedUnreachable_AndNothingIsWrittenForThem()
    {
        var runId = await StartedRunAsync();
        _messenger.Unreachable.Add("megan");

        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None));

        Assert.Equal((RecipientStatus.Unreachable, "NotInstalled"), ((await RecipientAsync(runId, "megan"))!.Status, (await RecipientAsync(runId, "megan"))!.Reason));
        Assert.Null(await _log.FindDraftAsync("megan", CancellationToken.None));
        Assert.NotNull(await _log.FindDraftAsync("alex", CancellationToken.None));
        Assert.Equal(0, _messenger.SendsTo("megan"));
    }

    [Fact]
    public async Task ARecipientAnotherSenderHolds_IsLeftAlone_UntilItsClaimRunsOut()
    {
        var runId = await StartedRunAsync();
        var alex = (await RecipientAsync(runId, "alex"))!;
        await _runs.TrySaveRecipientAsync(alex with { ClaimedUntil = Start + TimeSpan.FromSeconds(15) }, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(15), await Sender.SendChunkAsync(runId, 0, CancellationToken.None));
        Assert.Equal((0, 1), (_messenger.SendsTo("alex"), _messenger.SendsTo("megan")));

        _time.Advance(TimeSpan.FromSeconds(15)); // that sender died: its claim ran out
        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None));
        Assert.Equal(1, _messenger.SendsTo("alex"));
    }

    [Fact]
    public async Task TheReminder_GoesToWhoeverMayHaveGottenTheQuestion_UnconfirmedIncluded_Once()
    {
        var runId = await StartedRunAsync();
        _messenger.Script("alex", new DeliveryResult(DeliveryOutcome.Unconfirmed, Reason: "Timeout"));
        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None));
        Assert.Contains(_queue.Queued, q => q.Work == new SendWork(runId, 0, 1) && q.Delay == TimeSpan.FromHours(24));

        _time.Advance(TimeSpan.FromHours(24));
        Assert.Null(await Sender.RemindChunkAsync(runId, 0, 1, CancellationToken.None));
        Assert.Null(await Sender.RemindChunkAsync(runId, 0, 1, CancellationToken.None)); // redelivered

        Assert.All(["alex", "megan"], person => Assert.Single(_messenger.Sent, s => s.UserId == person && s.Message is CheckinQuestionMessage { IsReminder: true }));
    }

    [Fact]
    public async Task AReminderWorkedOnAtTheWeekend_WaitsForMondayMorningInThePersonsZone()
    {
        var runId = await StartedRunAsync();
        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None)); // Monday 10:00 in Berlin; due Tuesday 10:00

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 5, 11, 0, 0, TimeSpan.Zero)); // Saturday noon in Berlin: the work came late
        var wait = await Sender.RemindChunkAsync(runId, 0, 1, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero) - _time.GetUtcNow(), wait); // Monday 08:00 in Berlin
        Assert.DoesNotContain(_messenger.Sent, s => s.Message is CheckinQuestionMessage { IsReminder: true });
        _time.Advance(wait!.Value);
        Assert.Null(await Sender.RemindChunkAsync(runId, 0, 1, CancellationToken.None));
        Assert.All(["alex", "megan"], person => Assert.Single(_messenger.Sent, s => s.UserId == person && s.Message is CheckinQuestionMessage { IsReminder: true }));
    }

    private CheckinService Checkins => new(_log, _log, QuestionSetStores.Holding().Object, new OutboxSignal(), new CheckinBot.Core.Tests.Messaging.InMemoryDeliveryOutbox(_time),
        new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time, NullLogger<CheckinService>.Instance);

    [Fact]
    public async Task SomeoneWhoSaidTheyAreAway_IsHeld_AndAskedInTheirFirstWorkingHourBack_InTheirOwnZone()
    {
        _directory = new([new Person { Id = "alex", TimeZone = "Europe/Berlin" }, new Person { Id = "megan", TimeZone = "Asia/Tokyo" }]);
        // "away until 2 Dec" on Monday: back on Wednesday, in Tokyo.
        await Checkins.SayAwayAsync("megan", new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), CancellationToken.None);
        var runId = await StartedRunAsync();

        var wait = await Sender.SendChunkAsync(runId, 0, CancellationToken.None);

        var backAt = new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero); // Wednesday 08:00 in Tokyo
        Assert.Equal(backAt - Start, wait);
        var held = (await RecipientAsync(runId, "megan"))!;
        Assert.Equal((RecipientStatus.Pending, RunRecipient.AwayReason, backAt, Start), (held.Status, held.Reason, held.DueAt, held.FirstDueAt));
        Assert.Equal((0, 1), (_messenger.SendsTo("megan"), _messenger.SendsTo("alex")));
        Assert.Null(await _log.FindDraftAsync("megan", CancellationToken.None)); // nothing written for someone held
        var progress = (await Runs.ProgressAsync(runId, CancellationToken.None))!;
        Assert.Equal((1, 1, 1), (progress.Sent, progress.Pending, progress.HeldAway)); // the chunk is tallied while it waits only on her

        _time.SetUtcNow(backAt);
        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None));
        Assert.Equal((RecipientStatus.Sent, 1), ((await RecipientAsync(runId, "megan"))!.Status, _messenger.SendsTo("megan")));
    }

    [Fact]
    public async Task SomeoneAwayPastTheOccurrencesWeek_IsNotAsked_AndCountsAsAway_NotAsMissed()
    {
        _outlook.Away("megan", Start.AddDays(-1), Start.AddDays(10)); // Outlook's automatic replies, scheduled over the send

        var runId = await StartedRunAsync();
        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None));

        var megan = (await RecipientAsync(runId, "megan"))!;
        Assert.Equal((RecipientStatus.Away, "AutomaticReplies"), (megan.Status, megan.Reason));
        Assert.Equal(1, Metrics.MetricTally.Of(megan).Away);
        Assert.Equal(0, Metrics.MetricTally.Of(megan).Sent); // participation is counted over those not away
        var progress = (await Runs.ProgressAsync(runId, CancellationToken.None))!;
        Assert.Equal((1, 1, 0, 0), (progress.Sent, progress.Away, progress.Skipped, progress.Pending));
        Assert.Equal(0, _messenger.SendsTo("megan"));
        Assert.Contains("megan", _outlook.ReadFor);
        Assert.Equal(1, _outlook.Reads); // one batched read for the chunk, remembered for each send
    }

    [Fact]
    public async Task NoReminderReachesSomeoneAway_AndTheOthersAreRemindedAsUsual()
    {
        var runId = await StartedRunAsync();
        Assert.Null(await Sender.SendChunkAsync(runId, 0, CancellationToken.None));
        await Checkins.SayAwayAsync("megan", Start.AddDays(14), CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(24));
        Assert.Null(await Sender.RemindChunkAsync(runId, 0, 1, CancellationToken.None));

        Assert.Single(_messenger.Sent, s => s.UserId == "alex" && s.Message is CheckinQuestionMessage { IsReminder: true });
        Assert.DoesNotContain(_messenger.Sent, s => s.UserId == "megan" && s.Message is CheckinQuestionMessage { IsReminder: true });
        Assert.Equal(1, (await RecipientAsync(runId, "megan"))!.Reminded); // dealt with: none is owed for the time away
    }

    [Fact]
    public async Task RunNow_OneAtATime_ThenASecondConfirmationWithinTheGuard_ThenFreely()
    {
        var first = await Runs.StartAsync("weekly", runId: null, force: false, CancellationToken.None);
        Assert.Equal(RunNowOutcome.Started, first.Outcome);
        Assert.Equal(RunNowOutcome.Running, (await Runs.StartAsync("weekly", runId: null, force: true, CancellationToken.None)).Outcome);
        Assert.Equal(RunNowOutcome.AlreadyStarted, (await Runs.StartAsync("weekly", first.RunId, force: false, CancellationToken.None)).Outcome);

        await Runs.PlanAsync(first.RunId!, CancellationToken.None);
        await Sender.SendChunkAsync(first.RunId!, 0, CancellationToken.None);
        var soon = await Runs.StartAsync("weekly", runId: null, force: false, CancellationToken.None);
        Assert.Equal((RunNowOutcome.NeedsConfirmation, true, 2), (soon.Outcome, soon.IsRerun, soon.Audience));

        _time.Advance(_options.Value.RerunGuard);
        Assert.Equal(RunNowOutcome.Started, (await Runs.StartAsync("weekly", runId: null, force: false, CancellationToken.None)).Outcome);
    }
}
