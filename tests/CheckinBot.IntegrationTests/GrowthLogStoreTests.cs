using Azure.Data.Tables;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests;

/// <summary>The check-in and goal store on real Azurite: ETags, one-transaction completion, concurrent dialogue updates.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GrowthLogStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotApplicationFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new BotApplicationFactory(azurite);
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private T Get<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    private TableClient Table => new TableServiceClient(azurite.ConnectionString).GetTableClient(_factory.TablePrefix + "growthlog");

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
        Assert.Equal(["Shipped the API", "Waiting on prod access"], new[] { draft.Answers["learned"], draft.Answers["blockers"] }.Order());
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
        var store = Get<IGrowthLogStore>();
        var record = Assert.Single(await store.ListCheckinsAsync("user-c", CancellationToken.None));
        Assert.Equal(["Paired on the parser"], record.Wins);
        Assert.Equal(30, (await store.ListGoalsAsync("user-c", CancellationToken.None)).Single(g => g.Id == goal!.Id).Percent);
        Assert.True((await Table.GetEntityIfExistsAsync<TableEntity>("user-c", "share-" + record.CheckinId)).HasValue);
    }

    [Fact]
    public async Task Completion_WithStaleDraftVersion_WritesNothing()
    {
        var store = Get<IGrowthLogStore>();
        var service = Get<CheckinService>();
        await service.StartOrResumeAsync("user-d", null, CancellationToken.None);
        var stale = (await store.FindDraftAsync("user-d", CancellationToken.None))!;
        await service.HandleAsync("user-d", "x", new DialogueInput.Answer("3"), CancellationToken.None);

        var record = new CheckinRecord
        {
            UserId = "user-d", CheckinId = stale.CheckinId, QuestionSetId = "default", QuestionSetVersion = 1,
            StartedAt = stale.StartedAt, CompletedAt = stale.StartedAt, SharedWithManager = true, Answers = [],
        };
        Assert.False(await store.TryCompleteAsync(stale, record, [], CancellationToken.None));
        Assert.Empty(await store.ListCheckinsAsync("user-d", CancellationToken.None));
        Assert.NotNull(await store.FindDraftAsync("user-d", CancellationToken.None));
    }

    [Fact]
    public async Task Goals_RoundTripAndRejectStaleVersion()
    {
        var store = Get<IGrowthLogStore>();
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
}
