using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.Tests.CheckIns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.Managers;

public sealed class ManagerSummaryBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryGrowthLogStore _store = new();
    private readonly Person _alex = new() { Id = "alex", DisplayName = "Alex", ManagerId = "megan" };

    private ManagerSummaryBuilder CreateSut() => new(_store, _store);

    [Fact]
    public async Task Build_EnergyTrendFromSharedCheckinsOnly_GoalMovesSinceThePreviousSharedOne()
    {
        await CompleteAsync("c1", 0, shared: true, energy: 2, percent: 10);
        await CompleteAsync("c2", 7, shared: false, energy: 5, percent: 30); // private: no part of the summary
        await CompleteAsync("c3", 14, shared: true, energy: 3, percent: 40, milestone: "Abstract");
        var latest = (await _store.ListCheckinsAsync("alex", CancellationToken.None)).Single(r => r.CheckinId == "c3");

        var summary = await CreateSut().BuildAsync(_alex, latest, CancellationToken.None);

        Assert.Equal([2, 3], summary.EnergyTrend);
        var goal = Assert.Single(summary.Goals);
        Assert.Equal((40, (int?)10, "Abstract"), (goal.Percent, goal.PreviousPercent, goal.MilestoneReached));
    }

    private async Task CompleteAsync(string id, int day, bool shared, int energy, int percent, string? milestone = null)
    {
        var at = Start.AddDays(day);
        var draft = new CheckinDraft { UserId = "alex", CheckinId = id, QuestionSetId = "default", QuestionSetVersion = 1, Steps = [], StartedAt = at, UpdatedAt = at };
        await _store.TrySaveDraftAsync(draft, CancellationToken.None);
        var record = new CheckinRecord
        {
            UserId = "alex", CheckinId = id, QuestionSetId = "default", QuestionSetVersion = 1, StartedAt = at, CompletedAt = at, SharedWithManager = shared,
            Answers =
            [
                new CheckinAnswer("energy", QuestionPurpose.Energy, "Energy?", new ScaleAnswer(energy)),
                new CheckinAnswer("goals", QuestionPurpose.GoalProgress, "Give a talk?", new GoalProgressAnswer(percent, null, milestone is null ? null : "m1", milestone), "g1"),
            ],
        };
        Assert.True(await _store.TryCompleteAsync(new CheckinCompletion((await _store.FindDraftAsync("alex", CancellationToken.None))!, record, []), CancellationToken.None));
    }
}
