using Azure.Data.Tables;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.IntegrationTests.GrowthLog;

/// <summary>The check-in and goal store on real Azurite: ETags, one-transaction completion, concurrent dialogue updates.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GrowthLogStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite, new BotHostOptions { AlexInstalled = false });

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    private T Get<T>() where T : notnull => _bot.Services.GetRequiredService<T>();

    private TableClient Table => new TableServiceClient(azurite.ConnectionString).GetTableClient(_bot.TablePrefix + "growthlog");

    [Fact]
    public async Task ConcurrentAnswersFromTwoTasks_NeitherIsLostNorDoubled()
    {
        var service = Get<CheckinService>();
        await service.StartOrResumeAsync("user-a", null, CancellationToken.None);
        await service.HandleAsync("user-a", "a0", new DialogueInput.Answer("3"), CancellationToken.None);

        // Two instances receive two different typed answers at the same moment, plus a redelivery of each.
        await Task.WhenAll(
            service.HandleAsync("user-a", "a1", new DialogueInput.Answer("Shipped the API"), CancellationToken.None),
            service.HandleAsync("user-a", "a2", new DialogueInput.Answer("Waiting on prod access"), CancellationToken.None),
            service.HandleAsync("user-a", "a1", new DialogueInput.Answer("Shipped the API"), CancellationToken.None),
            service.HandleAsync("user-a", "a2", new DialogueInput.Answer("Waiting on prod access"), CancellationToken.None));

        var draft = (await service.FindDraftAsync("user-a", CancellationToken.None))!;
        Assert.Equal(["Shipped the API", "Waiting on prod access"], new[] { draft.Answers["learned"], draft.Answers["blockers"] }.Select(a => a.ToDisplayText()).Order());
        Assert.Equal("reflection", draft.CurrentStep!.Key);
    }

    [Fact]
    public async Task ConcurrentClicksOnTheSameCard_OneWinsTheOtherIsStale()
    {
        var service = Get<CheckinService>();
        await service.StartOrResumeAsync("user-b", null, CancellationToken.None);

        var turns = await Task.WhenAll(
            service.HandleAsync("user-b", "c1", new DialogueInput.Answer("2") { StepKey = "energy" }, CancellationToken.None),
            service.HandleAsync("user-b", "c2", new DialogueInput.Answer("5") { StepKey = "energy" }, CancellationToken.None));

        Assert.Single(turns, t => t!.Reply.Kind == DialogueReplyKind.Ask);
        Assert.Single(turns, t => t!.Reply.Kind == DialogueReplyKind.Stale);
        Assert.Equal("learned", (await service.FindDraftAsync("user-b", CancellationToken.None))!.CurrentStep!.Key);
    }

    [Fact]
    public async Task Completion_SharedCheckin_WritesRecordGoalsAndManagerHandOffInOneGoAndRemovesDraft()
    {
        var service = Get<CheckinService>();
        var (goal, _, _) = await Get<GoalService>().AddAsync("user-c", "Learn Rust", "systems work", "ship a CLI", null, null, CancellationToken.None);
        await service.StartOrResumeAsync("user-c", null, CancellationToken.None);
        foreach (var answer in new[] { "4", "30 finished chapter 3", "Paired on the parser", "skip", "skip", "no", "skip" })
            await service.HandleAsync("user-c", Guid.NewGuid().ToString(), answer == "skip" ? new DialogueInput.Skip() : new DialogueInput.Answer(answer), CancellationToken.None);

        var done = await service.HandleAsync("user-c", "share-1", new DialogueInput.Share(true), CancellationToken.None);

        Assert.Equal(DialogueReplyKind.Completed, done!.Reply.Kind);
        Assert.Null(await service.FindDraftAsync("user-c", CancellationToken.None));
        var record = Assert.Single(await Get<ICheckinStore>().ListCheckinsAsync("user-c", CancellationToken.None));
        Assert.Equal(["Paired on the parser"], record.Wins);
        Assert.Equal(30, (await Get<IGoalStore>().ListGoalsAsync("user-c", CancellationToken.None)).Single(g => g.Id == goal!.Id).Percent);
        Assert.True((await Table.GetEntityIfExistsAsync<TableEntity>("user-c", "share-" + record.CheckinId)).HasValue);
    }

    [Fact]
    public async Task Completion_WithStaleDraftVersion_WritesNothing()
    {
        var store = Get<ICheckinStore>();
        var service = Get<CheckinService>();
        await service.StartOrResumeAsync("user-d", null, CancellationToken.None);
        var stale = (await store.FindDraftAsync("user-d", CancellationToken.None))!;
        await service.HandleAsync("user-d", "x", new DialogueInput.Answer("3"), CancellationToken.None);

        var record = new CheckinRecord
        {
            UserId = "user-d", CheckinId = stale.CheckinId, QuestionSetId = "default", QuestionSetVersion = 1,
            StartedAt = stale.StartedAt, CompletedAt = stale.StartedAt, SharedWithManager = true, Answers = [],
        };
        Assert.False(await store.TryCompleteAsync(new CheckinCompletion(stale, record, []), CancellationToken.None));
        Assert.Empty(await store.ListCheckinsAsync("user-d", CancellationToken.None));
        Assert.NotNull(await store.FindDraftAsync("user-d", CancellationToken.None));
    }

    [Fact]
    public async Task Goals_RoundTripAndRejectStaleVersion()
    {
        var store = Get<IGoalStore>();
        var (goal, _, _) = await Get<GoalService>().AddAsync("user-e", "Mentor a junior", null, null, "2099-01-31", null, CancellationToken.None);
        var read = Assert.Single(await store.ListGoalsAsync("user-e", CancellationToken.None));

        Assert.Equal(goal! with { Version = read.Version, History = read.History, Milestones = read.Milestones }, read);
        Assert.Empty(read.History);
        Assert.True(await store.TrySaveGoalAsync(read with { Percent = 10 }, CancellationToken.None));
        Assert.False(await store.TrySaveGoalAsync(read with { Percent = 20 }, CancellationToken.None));
        Assert.Equal(10, Assert.Single(await store.ListGoalsAsync("user-e", CancellationToken.None)).Percent);
    }

    [Fact]
    public async Task QuestionSets_DefaultIsSeeded_VersionsAreNeverOverwritten_LatestWins()
    {
        var store = Get<IQuestionSetStore>();
        Assert.Equal(QuestionSet.Default.Version, (await store.FindLatestAsync(QuestionSet.DefaultId, CancellationToken.None))!.Version);

        Assert.False(await store.TryAddVersionAsync(QuestionSet.Default with { Name = "overwrite" }, CancellationToken.None));
        Assert.True(await store.TryAddVersionAsync(QuestionSet.Default with { Version = 10, Name = "v10" }, CancellationToken.None));
        Assert.True(await store.TryAddVersionAsync(QuestionSet.Default with { Version = 2, Name = "v2" }, CancellationToken.None));

        var latest = (await store.FindLatestAsync(QuestionSet.DefaultId, CancellationToken.None))!;
        Assert.Equal("v10", latest.Name);
        Assert.Equal(QuestionSet.Default.Questions.Count, latest.Questions.Count);
        Assert.Null(await store.FindLatestAsync("no-such-set", CancellationToken.None));
    }

    [Fact]
    public async Task RowsWrittenBeforeTypedAnswers_StillRead_AsTypedValues()
    {
        // Shapes as the previous release stored them: answers were strings.
        const string record = """
            {"userId":"user-old","checkinId":"c1","questionSetId":"default","questionSetVersion":1,"startedAt":"2026-10-01T09:00:00+00:00",
             "completedAt":"2026-10-01T09:05:00+00:00","sharedWithManager":true,"answers":[
             {"questionId":"energy","purpose":1,"prompt":"How energised?","answer":"4"},
             {"questionId":"goals","purpose":2,"prompt":"Where is your goal?","answer":"20% Milestone reached: Write abstract","goalId":"g1"},
             {"questionId":"learned","purpose":3,"prompt":"What did you learn?","answer":"Rust"},
             {"questionId":"new-goal","purpose":6,"prompt":"New goal?","answer":"no"}]}
            """;
        const string draft = """
            {"userId":"user-old","checkinId":"c2","questionSetId":"default","questionSetVersion":1,"current":1,"stage":0,
             "steps":[{"key":"energy","questionId":"energy","kind":0,"purpose":1,"prompt":"How?","optional":false,"maxLength":1000},
                      {"key":"goals:g1","questionId":"goals","kind":3,"purpose":2,"prompt":"Goal?","optional":false,"maxLength":1000}],
             "answers":{"energy":"2","goals:g1":"60% halfway"}}
            """;
        await Table.AddEntityAsync(new TableEntity("user-old", "checkin-c1") { ["Data"] = record });
        await Table.AddEntityAsync(new TableEntity("user-old", "draft-user-old") { ["Data"] = draft });

        var stored = Assert.Single(await Get<ICheckinStore>().ListCheckinsAsync("user-old", CancellationToken.None));
        var open = await Get<ICheckinStore>().FindDraftAsync("user-old", CancellationToken.None);

        Assert.Equal(4, stored.Energy);
        Assert.Equal(new GoalProgressAnswer(20, MilestoneTitle: "Write abstract"), stored.Answers[1].Value);
        Assert.Equal(new TextAnswer("Rust"), stored.Answers[2].Value);
        Assert.Equal(new YesNoAnswer(false), stored.Answers[3].Value);
        Assert.Equal(new ScaleAnswer(2), open!.Answers["energy"]);
        Assert.Equal(new GoalProgressAnswer(60, "halfway"), open.Answers["goals:g1"]);
    }

    [Fact]
    public async Task GoalStoredWithItsWholeHistory_IsTrimmedOnRead_WithoutLosingAnUpdate()
    {
        var at = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var legacy = new LearningGoal { UserId = "user-old", Id = "g1", Title = "Learn Go", CreatedAt = at };
        for (var day = 0; day < 30; day++)
            legacy = legacy.WithProgress(day, $"day {day}", at.AddDays(day));
        await Table.AddEntityAsync(new TableEntity("user-old", "goal-g1") { ["Data"] = System.Text.Json.JsonSerializer.Serialize(legacy, System.Text.Json.JsonSerializerOptions.Web) });

        var read = Assert.Single(await Get<IGoalStore>().ListGoalsAsync("user-old", CancellationToken.None));
        var export = await Get<CheckinBot.Core.GrowthLog.GrowthLogService>().ExportAsync("user-old", CancellationToken.None);

        Assert.Equal(LearningGoal.RecentHistory, read.History.Count);
        Assert.Equal(29, read.History[^1].Percent);
        Assert.Equal(Enumerable.Range(0, 30), export.Goals.Single().History.Select(h => h.Percent));
    }
}
