using CheckinBot.Core.Messaging;
using CheckinBot.Core.Managers;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.CheckIns;

public sealed class CheckinServiceTests
{
    private const string User = "aad-1";
    private readonly InMemoryGrowthLogStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CheckinBot.Core.Tests.Messaging.InMemoryDeliveryOutbox _outbox;

    private readonly CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox _events;

    public CheckinServiceTests() => (_outbox, _events) = (new(_time), new(_time));

    private CheckinService CreateSut() => new(_store, _store, QuestionSetStores.Holding().Object, new OutboxSignal(), _outbox, _events, _time, NullLogger<CheckinService>.Instance);

    private GoalService Goals() => new(_store, new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time);

    private async Task<CheckinTurn> AnswerAsync(string text, string? activityId = null) =>
        (await CreateSut().HandleAsync(User, activityId ?? Guid.NewGuid().ToString(), new DialogueInput.Answer(text), CancellationToken.None))!;

    private async Task<CheckinTurn> TickAsync(string milestoneId) =>
        (await CreateSut().HandleAsync(User, Guid.NewGuid().ToString(), new DialogueInput.Progress(null, null, milestoneId), CancellationToken.None))!;

    private async Task FinishAsync(bool share, params string[] answers)
    {
        foreach (var answer in answers)
            await AnswerAsync(answer);
        await CreateSut().HandleAsync(User, "finish", new DialogueInput.Share(share), CancellationToken.None);
    }

    [Fact]
    public async Task Start_WithoutDraft_AsksFirstQuestion()
    {
        var turn = await CreateSut().StartOrResumeAsync(User, occurrenceId: "weekly-2026-11-23", CancellationToken.None);

        Assert.Equal(DialogueReplyKind.Ask, turn.Reply.Kind);
        Assert.Equal("energy", turn.Draft.CurrentStep!.Key);
        Assert.Equal("weekly-2026-11-23", (await _store.FindDraftAsync(User, CancellationToken.None))!.OccurrenceId);
    }

    [Fact]
    public async Task Start_WhileDraftOpen_ContinuesItInsteadOfStartingAnother()
    {
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        await AnswerAsync("4");
        var firstId = (await _store.FindDraftAsync(User, CancellationToken.None))!.CheckinId;

        var scheduled = await CreateSut().StartOrResumeAsync(User, "weekly-2026-11-30", CancellationToken.None);

        Assert.Equal(firstId, scheduled.Draft.CheckinId);
        Assert.Equal(new ScaleAnswer(4), scheduled.Draft.Answers["energy"]);
        Assert.Equal("learned", scheduled.Draft.CurrentStep!.Key);
    }

    [Fact]
    public async Task Handle_SameActivityTwice_AppliesOnce()
    {
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        await AnswerAsync("4", activityId: "act-1");

        var again = await AnswerAsync("4", activityId: "act-1");

        Assert.True(again.IsDuplicate);
        Assert.Equal("learned", (await _store.FindDraftAsync(User, CancellationToken.None))!.CurrentStep!.Key);
    }

    [Fact]
    public async Task Handle_NoDraft_ReturnsNull() =>
        Assert.Null(await CreateSut().HandleAsync(User, "x", new DialogueInput.Answer("4"), CancellationToken.None));

    [Fact]
    public async Task Handle_AnotherInstanceAnsweredFirst_RetriesOnFreshDraftAndLosesNothing()
    {
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        // Between our read and our write, another instance stores a different click on the same question card.
        _store.BeforeNextWrite = () => CreateSut().HandleAsync(User, "other", new DialogueInput.Answer("2") { StepKey = "energy" }, CancellationToken.None).GetAwaiter().GetResult();

        var turn = await CreateSut().HandleAsync(User, "mine", new DialogueInput.Answer("5") { StepKey = "energy" }, CancellationToken.None);

        var draft = (await _store.FindDraftAsync(User, CancellationToken.None))!;
        Assert.Equal(new ScaleAnswer(2), draft.Answers["energy"]);
        Assert.Equal("learned", draft.CurrentStep!.Key);
        Assert.Equal(DialogueReplyKind.Stale, turn!.Reply.Kind);
    }

    [Fact]
    public async Task Handle_TwoTypedAnswersRacing_BothAreKeptInOrder()
    {
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        await AnswerAsync("3");
        _store.BeforeNextWrite = () => CreateSut().HandleAsync(User, "other", new DialogueInput.Answer("Shipped the API"), CancellationToken.None).GetAwaiter().GetResult();

        await AnswerAsync("Waiting on access to prod");

        var draft = (await _store.FindDraftAsync(User, CancellationToken.None))!;
        Assert.Equal(new TextAnswer("Shipped the API"), draft.Answers["learned"]);
        Assert.Equal(new TextAnswer("Waiting on access to prod"), draft.Answers["blockers"]);
    }

    [Fact]
    public async Task Complete_RecordsCheckinUpdatesGoalAndAddsNewGoalAtomically()
    {
        var (goal, _, _) = await Goals().AddAsync(User, "Give a talk", null, null, null, null, CancellationToken.None);
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));

        await FinishAsync(share: true, "5", "100% gave it!", "Spoke at the meetup", "none", "more practice", "yes", "Write a blog post", "my slides");

        var record = Assert.Single(_store.Records);
        Assert.True(record.SharedWithManager);
        Assert.Equal("finish", record.CompletedByActivityId);
        Assert.Equal(["Spoke at the meetup"], record.Wins);
        Assert.Null(await _store.FindDraftAsync(User, CancellationToken.None));
        var goals = await _store.ListGoalsAsync(User, CancellationToken.None);
        var talk = goals.Single(g => g.Id == goal!.Id);
        Assert.Equal(GoalStatus.Completed, talk.Status);
        Assert.Equal(100, talk.Percent);
        Assert.Equal("gave it!", Assert.Single(talk.History).Note);
        Assert.Contains(goals, g => g.Title == "Write a blog post" && g.Status == GoalStatus.Active);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Complete_SharedCheckin_LeavesAPendingHandoffAndASummaryEntry_UnsharedOnlyItsMetricsEvent(bool share)
    {
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);

        await FinishAsync(share, "3", "skip", "skip", "skip", "no", "skip");

        var record = Assert.Single(_store.Records);
        var handoff = await _store.FindAsync(User, record.CheckinId, CancellationToken.None);
        Assert.Equal(share, handoff is { IsPending: true });
        Assert.Equal(share ? 1 : 0, _outbox.Count(OutboxKind.Summary));
        Assert.Equal(new CheckinBot.Core.Insights.Events.CheckinCompleted.CheckinCompleted(User, record.CheckinId), Assert.Single(_events.Events));
    }

    [Fact]
    public async Task Complete_GoalAnsweredByMilestoneButton_TicksItAndKeepsPercent()
    {
        var (goal, _, _) = await Goals().AddAsync(User, "Give a talk", null, null, null, "Write abstract\nRehearse", CancellationToken.None);
        await Goals().UpdateProgressAsync(User, goal!.Id, "20", null, CancellationToken.None);
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        await AnswerAsync("3");

        var stale = await TickAsync("nope");
        Assert.Equal(DialogueReplyKind.Invalid, stale.Reply.Kind);
        await TickAsync("m1");
        await FinishAsync(share: false, "skip", "skip", "skip", "no", "skip");

        var talk = (await _store.ListGoalsAsync(User, CancellationToken.None)).Single();
        Assert.Equal(20, talk.Percent);
        Assert.NotNull(talk.Milestones[0].DoneAt);
        Assert.Null(talk.Milestones[1].DoneAt);
        Assert.Equal(new GoalProgressAnswer(20, null, "m1", "Write abstract"), _store.Records.Single().Answers[1].Value);
    }

    [Fact]
    public async Task Complete_RedeliveredFinishingActivity_IsDuplicateNotANewRecord()
    {
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        await FinishAsync(share: false, "3", "skip", "skip", "skip", "no", "skip");

        var again = await CreateSut().HandleAsync(User, "finish", new DialogueInput.Share(false), CancellationToken.None);

        Assert.True(again!.IsDuplicate);
        Assert.Single(_store.Records);
    }

    [Fact]
    public async Task NextCheckin_GetsADifferentReflectionPrompt()
    {
        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        var first = (await _store.FindDraftAsync(User, CancellationToken.None))!.Steps.Single(s => s.Key == "reflection").Prompt;
        await FinishAsync(share: false, "3", "skip", "skip", "skip", "no", "skip");

        await CreateSut().StartOrResumeAsync(User, null, CancellationToken.None);
        var second = (await _store.FindDraftAsync(User, CancellationToken.None))!.Steps.Single(s => s.Key == "reflection").Prompt;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Start_UsesTheNewestStoredQuestionSetAndRecordsItsVersion()
    {
        var edited = QuestionSet.Default with { Version = 3, Questions = [new Question("mood", QuestionKind.Scale, "Mood today?")] };
        var questionSets = QuestionSetStores.Holding(edited);
        var sut = new CheckinService(_store, _store, questionSets.Object, new OutboxSignal(), new CheckinBot.Core.Tests.Messaging.InMemoryDeliveryOutbox(_time), new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time, NullLogger<CheckinService>.Instance);

        var turn = await sut.StartOrResumeAsync(User, null, CancellationToken.None);

        Assert.Equal(3, turn.Draft.QuestionSetVersion);
        Assert.Equal(["mood"], turn.Draft.Steps.Select(s => s.Key));
        questionSets.Verify(s => s.FindLatestAsync(QuestionSet.DefaultId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Start_SetWhoseFirstQuestionIsNotAskable_StartsAtTheFirstAskableOrTheRecap(bool onlyGoalQuestions)
    {
        var set = onlyGoalQuestions
            ? QuestionSet.Default with { Version = 4, Questions = [new Question("goals", QuestionKind.GoalProgress, "{goal}?", QuestionPurpose.GoalProgress)] }
            : QuestionSet.Default with { Version = 4, Questions = [new Question("t", QuestionKind.FreeText, "Title?", AskIfYes: "x"), new Question("mood", QuestionKind.Scale, "Mood?")] };
        var sut = new CheckinService(_store, _store, QuestionSetStores.Holding(set).Object, new OutboxSignal(), new CheckinBot.Core.Tests.Messaging.InMemoryDeliveryOutbox(_time), new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time, NullLogger<CheckinService>.Instance);

        var turn = await sut.StartOrResumeAsync(User, null, CancellationToken.None);

        if (onlyGoalQuestions)
            Assert.Equal(DialogueReplyKind.Recap, turn.Reply.Kind); // no active goals, so nothing to ask
        else
            Assert.Equal("mood", turn.Draft.CurrentStep!.Key);
    }

    [Fact]
    public void ReflectionPrompts_BankHasAtLeastTwelveDistinctPrompts() =>
        Assert.True(ReflectionPrompts.Bank.Distinct().Count() >= 12);
}
