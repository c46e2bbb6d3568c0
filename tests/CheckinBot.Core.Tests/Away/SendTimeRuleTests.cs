using CheckinBot.Core.Away;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Tests.CheckIns;
using CheckinBot.Core.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Away;

/// <summary>The one send-time rule: away (said or Outlook), working hours in the person's zone, and a question's own time.</summary>
public sealed class SendTimeRuleTests
{
    private const string Tokyo = "Asia/Tokyo";
    private static readonly DateTimeOffset MondayNoonTokyo = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(MondayNoonTokyo);
    private readonly InMemoryGrowthLogStore _log = new();
    private readonly ScriptedAutomaticReplies _outlook = new();
    private readonly AwayService _away;
    private readonly SendTimeRule _rule;

    public SendTimeRuleTests()
    {
        _away = new AwayService(_log, _outlook, new CheckinBot.Core.Org.TurnBound(Options.Create(new CheckinBot.Core.Org.TurnLookupOptions()), _time), _time, NullLogger<AwayService>.Instance);
        _rule = new SendTimeRule(_away, Options.Create(new WorkdayOptions()), _time);
    }

    private Task<SendTime> CheckAsync(DateTimeOffset? chosenTime) => _rule.CheckAsync("kenji", Tokyo, chosenTime, CancellationToken.None);

    [Fact]
    public async Task NotAway_InWorkingHours_GoesNow()
    {
        Assert.True((await CheckAsync(chosenTime: null)).IsNow);
    }

    [Fact]
    public async Task OutlookRepliesScheduledAcrossTheSendTime_HoldUntilTheFirstWorkingHourAfterThey_End()
    {
        // Off from last Friday until Wednesday 15:00 Tokyo time.
        _outlook.Away("kenji", MondayNoonTokyo.AddDays(-3), new DateTimeOffset(2026, 12, 9, 6, 0, 0, TimeSpan.Zero));

        var when = await CheckAsync(MondayNoonTokyo);

        Assert.Equal(new DateTimeOffset(2026, 12, 9, 6, 0, 0, TimeSpan.Zero), when.HoldUntil); // Wednesday 15:00 is in working hours
        Assert.Equal(AwaySource.AutomaticReplies, when.Away!.Source);
    }

    [Fact]
    public async Task RepliesScheduledForLater_DoNotHoldTodaysMessage()
    {
        _outlook.Away("kenji", MondayNoonTokyo.AddDays(2), MondayNoonTokyo.AddDays(9));

        Assert.True((await CheckAsync(MondayNoonTokyo)).IsNow);
        Assert.NotNull(await _away.FindAsync("kenji", CancellationToken.None)); // known, and coming
    }

    [Fact]
    public async Task RepliesAlwaysOn_HoldAndAreLookedAtAgainNextWorkingDay()
    {
        _outlook.Away("kenji", null, null);

        var when = await CheckAsync(chosenTime: null);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.Zero), when.HoldUntil); // a day on, in working hours
    }

    [Fact]
    public async Task WhatThePersonSaid_Holds_WithNoGraphAtAll()
    {
        _outlook.Refusal = "Graph answered 403";
        var checkins = new CheckinService(_log, _log, QuestionSetStores.Holding().Object, new CheckinBot.Core.Messaging.OutboxSignal(),
            new Tests.Messaging.InMemoryDeliveryOutbox(_time), new Insights.InMemoryMetricsOutbox(_time), _time, NullLogger<CheckinService>.Instance);
        await checkins.SayAwayAsync("kenji", new DateTimeOffset(2026, 12, 10, 15, 0, 0, TimeSpan.Zero), CancellationToken.None); // Friday 00:00 Tokyo

        Assert.Equal(new DateTimeOffset(2026, 12, 10, 23, 0, 0, TimeSpan.Zero), (await CheckAsync(MondayNoonTokyo)).HoldUntil); // Friday 08:00 Tokyo

        Assert.True(await checkins.SayBackAsync("kenji", CancellationToken.None));
        Assert.True((await CheckAsync(MondayNoonTokyo)).IsNow);
    }

    [Fact]
    public async Task AQuestionAtTheTimeHrChose_GoesEvenBeforeWorkingHours_ButALateOneWaitsForThem()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 22, 30, 0, TimeSpan.Zero)); // Tuesday 07:30 in Tokyo
        Assert.True((await CheckAsync(_time.GetUtcNow())).IsNow);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero), (await CheckAsync(chosenTime: null)).HoldUntil); // a reminder or nudge: 08:00

        _time.SetUtcNow(new DateTimeOffset(2026, 12, 12, 3, 0, 0, TimeSpan.Zero)); // Saturday noon: Friday's question, worked on late
        Assert.Equal(new DateTimeOffset(2026, 12, 13, 23, 0, 0, TimeSpan.Zero), (await CheckAsync(new DateTimeOffset(2026, 12, 11, 0, 0, 0, TimeSpan.Zero))).HoldUntil);
    }

    [Fact]
    public async Task AFailingOrRefusingGraph_MeansNotKnownToBeAway_AndIsNotAskedAgainForAnHour()
    {
        _outlook.Refusal = "Graph answered 403: MailboxSettings.Read is not granted";

        Assert.True((await CheckAsync(chosenTime: null)).IsNow);
        Assert.True((await CheckAsync(chosenTime: null)).IsNow);
        Assert.Equal(1, _outlook.Reads);

        _time.Advance(AwayService.PauseAfterFailure);
        _outlook.Refusal = null;
        _outlook.Away("kenji", null, null);
        Assert.False((await CheckAsync(chosenTime: null)).IsNow);
        Assert.Equal(2, _outlook.Reads);
    }

    [Fact]
    public async Task OutlooksAnswer_IsRememberedForAFewHours_ThenReadAgain()
    {
        await _away.PrefetchAsync(["kenji", "aiko"], CancellationToken.None);
        await CheckAsync(chosenTime: null);
        Assert.Equal(1, _outlook.Reads);

        _time.Advance(AwayService.RememberedFor);
        await CheckAsync(chosenTime: null);
        Assert.Equal(2, _outlook.Reads);
    }
}
