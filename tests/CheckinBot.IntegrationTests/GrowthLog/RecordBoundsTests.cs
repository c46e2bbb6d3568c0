using Azure.Data.Tables;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.IntegrationTests.GrowthLog;

/// <summary>A heavy, ordinary user: years of daily goal updates, maximum-length text everywhere, the most goals allowed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecordBoundsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string User = "0000aaaa-0000-0000-0000-000000000001";
    private readonly BotHost _bot = new(azurite, new BotHostOptions { AlexInstalled = false });

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    private T Get<T>() where T : notnull => _bot.Services.GetRequiredService<T>();

    [Fact]
    public async Task ThousandsOfGoalUpdatesAndMaximumAnswers_StayWithinStorageLimits_AndTheCheckinCompletes()
    {
        var goals = Get<GoalService>();
        var longText = new string('w', GoalService.MaxTextLength);
        var milestones = string.Join('\n', Enumerable.Range(1, GoalService.MaxMilestones).Select(i => $"{i}" + new string('m', LearningGoal.MaxTitleLength - 2)));
        var added = new List<LearningGoal>();
        for (var i = 0; i < LearningGoal.MaxActive; i++)
            added.Add((await goals.AddAsync(User, $"{i:D2}" + new string('t', LearningGoal.MaxTitleLength - 2), longText, longText, null, milestones, CancellationToken.None)).Goal!);
        var (refused, field, _) = await goals.AddAsync(User, "One too many", null, null, null, null, CancellationToken.None);
        Assert.Equal((null, "title"), (refused, field));

        const int updates = 2000;
        for (var i = 0; i < updates; i++)
            Assert.NotNull((await goals.UpdateProgressAsync(User, added[0].Id, (i % 100).ToString(System.Globalization.CultureInfo.InvariantCulture), longText, CancellationToken.None)).Goal);

        // A check-in that answers every one of the 20 goal questions and every text question at full length.
        var checkins = Get<CheckinService>();
        var turn = await checkins.StartOrResumeAsync(User, null, CancellationToken.None);
        var id = 0;
        while (turn.Draft.CurrentStep is { } step)
        {
            DialogueInput input = step.Kind switch
            {
                QuestionKind.Scale => new DialogueInput.Answer("3"),
                QuestionKind.YesNo => new DialogueInput.Answer("yes"),
                QuestionKind.GoalProgress => new DialogueInput.Progress("50", new string('n', step.MaxLength), null),
                _ => new DialogueInput.Answer(new string('a', Math.Min(step.MaxLength, 1000))),
            };
            turn = (await checkins.HandleAsync(User, $"a{id++}", input, CancellationToken.None))!;
        }
        var done = await checkins.HandleAsync(User, "share", new DialogueInput.Share(true), CancellationToken.None);

        Assert.Equal(DialogueReplyKind.Completed, done!.Reply.Kind);
        var export = await Get<GrowthLogService>().ExportAsync(User, CancellationToken.None);
        Assert.Equal(updates + 1, export.Goals.Single(g => g.Id == added[0].Id).History.Count); // every update kept
        Assert.Equal(LearningGoal.MaxActive, export.Goals.Count); // the check-in's new goal waits: 20 are active

        // No row comes near Table Storage's limits: 64 KiB a property, 1 MiB an entity.
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(_bot.TablePrefix + "growthlog");
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == User))
        {
            Assert.All(row.Select(p => p.Value).OfType<string>(), v => Assert.True(v.Length <= 30_000, $"{row.RowKey}: a property of {v.Length} characters"));
            Assert.True(row.Select(p => p.Value).OfType<string>().Sum(v => v.Length) < 250_000, $"{row.RowKey} is too large");
        }
        var goalRow = await table.GetEntityAsync<TableEntity>(User, "goal-" + added[0].Id);
        Assert.True(goalRow.Value.GetString("Data").Length < 30_000); // the goal row stays small: latest updates only
    }
}
