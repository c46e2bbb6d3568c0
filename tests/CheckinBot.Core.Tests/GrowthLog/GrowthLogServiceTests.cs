using CheckinBot.Core.Messaging;
using CheckinBot.Core.Feedback;
using Moq;
using CheckinBot.Core.Managers;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Registrations;
using CheckinBot.Core.Tests.CheckIns;
using CheckinBot.Core.Tests.Registrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.GrowthLog;

public sealed class GrowthLogServiceTests
{
    private const string User = "aad-1";
    private readonly InMemoryGrowthLogStore _store = new();
    private readonly InMemoryChatRegistrationStore _registrations = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));

    private GrowthLogService CreateSut() => new(_store, _store, [_store], new Mock<IFeedbackStore> { DefaultValue = DefaultValue.Mock }.Object, new Mock<IErasureJournal>().Object, new ChatRegistrationService(_registrations, _time, NullLogger<ChatRegistrationService>.Instance), _time, NullLogger<GrowthLogService>.Instance);

    private async Task CheckinAsync(string win, string? feedback, bool share)
    {
        var checkins = new CheckinService(_store, _store, QuestionSetStores.Holding().Object, new OutboxSignal(), new CheckinBot.Core.Tests.Messaging.InMemoryDeliveryOutbox(_time), new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time, NullLogger<CheckinService>.Instance);
        await checkins.StartOrResumeAsync(User, null, CancellationToken.None);
        foreach (var answer in new[] { "3", win, "skip", "skip", "no", feedback ?? "skip" })
            await checkins.HandleAsync(User, Guid.NewGuid().ToString(), answer == "skip" ? new DialogueInput.Skip() : new DialogueInput.Answer(answer), CancellationToken.None);
        await checkins.HandleAsync(User, Guid.NewGuid().ToString(), new DialogueInput.Share(share), CancellationToken.None);
    }

    [Fact]
    public async Task Wins_ForPeriod_ListsCheckinWinsAndCompletedGoalsNewestFirst()
    {
        await CheckinAsync("Old win", null, share: false);
        _time.Advance(TimeSpan.FromDays(200));
        await CheckinAsync("Recent win", null, share: false);
        var goal = new LearningGoal { UserId = User, Id = "g1", Title = "Learn Rust", CreatedAt = _time.GetUtcNow() }.WithProgress(100, null, _time.GetUtcNow().AddMinutes(1));
        await _store.TrySaveGoalAsync(goal, CancellationToken.None);

        var quarter = await CreateSut().WinsAsync(User, BragPeriod.Quarter, CancellationToken.None);
        var all = await CreateSut().WinsAsync(User, BragPeriod.All, CancellationToken.None);

        Assert.Equal(["Learn Rust", "Recent win"], quarter.Select(i => i.Text));
        Assert.Equal(BragKind.CompletedGoal, quarter[0].Kind);
        Assert.Equal(3, all.Count);
    }

    [Fact]
    public async Task Wins_IncludeMilestonesReached()
    {
        var goals = new GoalService(_store, new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time);
        var (goal, _, _) = await goals.AddAsync(User, "Give a talk", null, null, null, "Write abstract", CancellationToken.None);
        await goals.TickMilestoneAsync(User, goal!.Id, "m1", CancellationToken.None);

        var item = Assert.Single(await CreateSut().WinsAsync(User, BragPeriod.Month, CancellationToken.None));
        Assert.Equal(BragKind.Milestone, item.Kind);
        Assert.Equal("Write abstract (Give a talk)", item.Text);
    }

    [Fact]
    public async Task FeedbackRequests_SaysWhetherTheManagerCanSeeThem()
    {
        await CheckinAsync("w", "my design doc", share: true);
        await CheckinAsync("w", "my estimates", share: false);

        var requests = await CreateSut().FeedbackTopicsAsync(User, CancellationToken.None);

        Assert.Equal(2, requests.Count);
        Assert.Contains(requests, r => r is { Topic: "my design doc", SharedWithManager: true });
        Assert.Contains(requests, r => r is { Topic: "my estimates", SharedWithManager: false });
    }

    [Fact]
    public async Task Erase_RemovesCheckinsGoalsAndRegistration()
    {
        await CheckinAsync("w", null, share: false);
        await new GoalService(_store, new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time).AddAsync(User, "Goal", null, null, null, null, CancellationToken.None);
        _registrations.Put(new() { UserId = User, TenantId = "t", ChannelUserId = "29:x", ConversationId = "c", ServiceUrl = "https://smba.trafficmanager.net/teams/" });

        var erased = await CreateSut().EraseAsync(User, CancellationToken.None);

        Assert.Equal(new EraseResult(3, Finished: true), erased);
        var export = await CreateSut().ExportAsync(User, CancellationToken.None);
        Assert.Empty(export.CheckIns);
        Assert.Empty(export.Goals);
        Assert.Null(export.Registration);
    }
}
