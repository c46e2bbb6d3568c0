using CheckinBot.Core.Messaging;
using CheckinBot.Core.Managers;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.CheckIns;

/// <summary>The scheduler's entry point with snooze, skip and exactly-once per occurrence.</summary>
public sealed class ScheduledStartTests
{
    private const string User = "aad-1";
    private readonly InMemoryGrowthLogStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private CheckinService CreateSut() => new(_store, _store, QuestionSetStores.Holding().Object, new OutboxSignal(), new CheckinBot.Core.Tests.Messaging.InMemoryDeliveryOutbox(_time), new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time, NullLogger<CheckinService>.Instance);

    private Task<ScheduledStart> StartAsync(string occurrence) => CreateSut().StartScheduledAsync(User, occurrence, CancellationToken.None);

    [Fact]
    public async Task Start_Fresh_StartsWithOccurrence()
    {
        var start = await StartAsync("w1");

        Assert.Equal(ScheduledStartOutcome.Started, start.Outcome);
        Assert.Equal("w1", start.Turn!.Draft.OccurrenceId);
    }

    [Fact]
    public async Task Start_OccurrenceAlreadyAnswered_IsNotAskedAgain()
    {
        await StartAsync("w1");
        foreach (var input in new DialogueInput[] { new DialogueInput.Answer("3"), new DialogueInput.Skip(), new DialogueInput.Skip(), new DialogueInput.Skip(), new DialogueInput.Answer("no"), new DialogueInput.Skip(), new DialogueInput.Share(false) })
            await CreateSut().HandleAsync(User, Guid.NewGuid().ToString(), input, CancellationToken.None);

        Assert.Equal(ScheduledStartOutcome.AlreadyDone, (await StartAsync("w1")).Outcome);
        Assert.Equal(ScheduledStartOutcome.Started, (await StartAsync("w2")).Outcome);
    }

    [Fact]
    public async Task Start_NewOccurrenceWhileDraftOpen_ContinuesItForTheNewOccurrence()
    {
        await StartAsync("w1");
        await CreateSut().HandleAsync(User, "a", new DialogueInput.Answer("4"), CancellationToken.None);

        var next = await StartAsync("w2");

        Assert.Equal(new ScaleAnswer(4), next.Turn!.Draft.Answers["energy"]);
        Assert.Equal("w2", (await _store.FindDraftAsync(User, CancellationToken.None))!.OccurrenceId);
    }

    [Fact]
    public async Task Snooze_HoldsScheduledStartsUntilItEnds_AndPausesTheOpenDraft()
    {
        await StartAsync("w1");
        await CreateSut().SnoozeAsync(User, _time.GetUtcNow().AddDays(1), CancellationToken.None);

        Assert.Equal(DraftStage.Paused, (await _store.FindDraftAsync(User, CancellationToken.None))!.Stage);
        var held = await StartAsync("w1");
        Assert.Equal(ScheduledStartOutcome.Snoozed, held.Outcome);
        Assert.Equal(_time.GetUtcNow().AddDays(1), held.SnoozedUntil);

        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        var resumed = await StartAsync("w1");
        Assert.Equal(ScheduledStartOutcome.Started, resumed.Outcome);
        Assert.Equal(DraftStage.Answering, resumed.Turn!.Draft.Stage);
    }

    [Fact]
    public async Task Skip_WithOpenScheduledDraft_SkipsThatOccurrenceOnly()
    {
        await StartAsync("w1");
        await CreateSut().HandleAsync(User, "a", new DialogueInput.Answer("4"), CancellationToken.None);

        await CreateSut().SkipCycleAsync(User, CancellationToken.None);

        Assert.Equal(ScheduledStartOutcome.Skipped, (await StartAsync("w1")).Outcome);
        var next = await StartAsync("w2");
        Assert.Equal(ScheduledStartOutcome.Started, next.Outcome);
        Assert.Equal(new ScaleAnswer(4), next.Turn!.Draft.Answers["energy"]); // the paused draft and its answer come back
    }

    [Fact]
    public async Task Skip_WithNothingOpen_SkipsTheNextScheduledOnce()
    {
        await CreateSut().SkipCycleAsync(User, CancellationToken.None);

        Assert.Equal(ScheduledStartOutcome.Skipped, (await StartAsync("w1")).Outcome);
        Assert.Equal(ScheduledStartOutcome.Skipped, (await StartAsync("w1")).Outcome);
        Assert.Equal(ScheduledStartOutcome.Started, (await StartAsync("w2")).Outcome);
    }

    [Theory]
    [InlineData("2026-11-23T09:00:00Z", "Europe/Berlin", "2026-11-30T08:00:00Z")] // Monday morning already: next Monday
    [InlineData("2026-11-25T12:00:00Z", "America/Los_Angeles", "2026-11-30T17:00:00Z")]
    [InlineData("2026-03-25T12:00:00Z", "Europe/Berlin", "2026-03-30T07:00:00Z")] // after the spring change: CEST
    [InlineData("2026-11-25T12:00:00Z", null, "2026-11-30T09:00:00Z")]
    [InlineData("2026-11-25T12:00:00Z", "Not/AZone", "2026-11-30T09:00:00Z")]
    public void Until_Monday_IsNineInThePersonsZone(string now, string? zone, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Snooze.Until(SnoozeChoice.UntilMonday, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone));

    [Fact]
    public void Until_OneDay_IsTwentyFourHours() =>
        Assert.Equal(_time.GetUtcNow().AddDays(1), Snooze.Until(SnoozeChoice.OneDay, _time.GetUtcNow(), "Europe/Berlin"));
}
