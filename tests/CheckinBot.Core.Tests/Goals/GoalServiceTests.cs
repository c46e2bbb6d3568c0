using CheckinBot.Core.Goals;
using CheckinBot.Core.Tests.CheckIns;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Goals;

public sealed class GoalServiceTests
{
    private const string User = "aad-1";
    private readonly InMemoryGrowthLogStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private GoalService CreateSut() => new(_store, new CheckinBot.Core.Tests.Insights.InMemoryMetricsOutbox(_time), _time);

    private async Task<LearningGoal> AddAsync(string title = "Learn Rust") =>
        (await CreateSut().AddAsync(User, title, null, null, null, null, CancellationToken.None)).Goal!;

    [Theory]
    [InlineData("", null, "title")]
    [InlineData("   ", null, "title")]
    [InlineData("ok", "31/12/2027", "targetDate")]
    [InlineData("ok", "2026-11-22", "targetDate")]
    public async Task Add_InvalidInput_NamesTheField(string title, string? date, string field)
    {
        var (goal, errorField, error) = await CreateSut().AddAsync(User, title, null, null, date, null, CancellationToken.None);

        Assert.Null(goal);
        Assert.Equal(field, errorField);
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Empty(await _store.ListGoalsAsync(User, CancellationToken.None));
    }

    [Fact]
    public async Task Add_TitleTooLong_IsRejected()
    {
        var (goal, field, _) = await CreateSut().AddAsync(User, new string('x', LearningGoal.MaxTitleLength + 1), null, null, null, null, CancellationToken.None);
        Assert.Null(goal);
        Assert.Equal("title", field);
    }

    [Fact]
    public async Task Add_Valid_StoresTrimmedFieldsAndDate()
    {
        var (goal, _, _) = await CreateSut().AddAsync(User, "  Give a talk ", " visibility ", "", "2027-06-30", null, CancellationToken.None);

        Assert.Equal("Give a talk", goal!.Title);
        Assert.Equal("visibility", goal.Why);
        Assert.Null(goal.Measure);
        Assert.Equal(new DateOnly(2027, 6, 30), goal.TargetDate);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("half")]
    [InlineData(null)]
    public async Task UpdateProgress_Invalid_ExplainsAndChangesNothing(string? percent)
    {
        var goal = await AddAsync();
        var (updated, error) = await CreateSut().UpdateProgressAsync(User, goal.Id, percent, "note", CancellationToken.None);

        Assert.Null(updated);
        Assert.NotNull(error);
        Assert.Equal(0, Assert.Single(await _store.ListGoalsAsync(User, CancellationToken.None)).Percent);
    }

    [Fact]
    public async Task UpdateProgress_Valid_KeepsHistory()
    {
        var goal = await AddAsync();
        await CreateSut().UpdateProgressAsync(User, goal.Id, "30", "chapter 3", CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(7));
        var (updated, _) = await CreateSut().UpdateProgressAsync(User, goal.Id, "55", null, CancellationToken.None);

        Assert.Equal(55, updated!.Percent);
        Assert.Equal([30, 55], updated.History.Select(h => h.Percent));
        Assert.Equal("chapter 3", updated.History[0].Note);
    }

    [Fact]
    public async Task Complete_SetsFullProgressAndCompletionTime()
    {
        var goal = await AddAsync();
        var done = await CreateSut().SetStatusAsync(User, goal.Id, GoalStatus.Completed, CancellationToken.None);

        Assert.Equal(GoalStatus.Completed, done!.Status);
        Assert.Equal(100, done.Percent);
        Assert.Equal(_time.GetUtcNow(), done.CompletedAt);
    }

    [Fact]
    public async Task Archive_UnknownGoal_ReturnsNull() =>
        Assert.Null(await CreateSut().SetStatusAsync(User, "nope", GoalStatus.Archived, CancellationToken.None));

    [Fact]
    public async Task UpdateProgress_RacingAnotherWrite_RetriesAndKeepsBoth()
    {
        var goal = await AddAsync();
        _store.BeforeNextWrite = () => CreateSut().SetStatusAsync(User, goal.Id, GoalStatus.Archived, CancellationToken.None).GetAwaiter().GetResult();

        var (updated, _) = await CreateSut().UpdateProgressAsync(User, goal.Id, "40", null, CancellationToken.None);

        Assert.Equal(GoalStatus.Archived, updated!.Status);
        Assert.Equal(40, updated.Percent);
    }

    [Fact]
    public async Task Add_Milestones_OnePerLine()
    {
        var (goal, _, _) = await CreateSut().AddAsync(User, "Give a talk", null, null, null, "Write abstract\n\n  Submit to CFP \r\nRehearse", CancellationToken.None);

        Assert.Equal(["Write abstract", "Submit to CFP", "Rehearse"], goal!.Milestones.Select(m => m.Title));
        Assert.All(goal.Milestones, m => Assert.Null(m.DoneAt));
    }

    [Fact]
    public async Task Add_TooManyMilestones_NamesTheField()
    {
        var (goal, field, _) = await CreateSut().AddAsync(User, "Talk", null, null, null, string.Join('\n', Enumerable.Range(1, 11)), CancellationToken.None);
        Assert.Null(goal);
        Assert.Equal("milestones", field);
    }

    [Fact]
    public async Task TickMilestone_SetsDoneOnce()
    {
        var (goal, _, _) = await CreateSut().AddAsync(User, "Talk", null, null, null, "Abstract\nSlides", CancellationToken.None);
        var first = await CreateSut().TickMilestoneAsync(User, goal!.Id, "m1", CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        var again = await CreateSut().TickMilestoneAsync(User, goal.Id, "m1", CancellationToken.None);

        Assert.Equal(first!.Milestones[0].DoneAt, again!.Milestones[0].DoneAt);
        Assert.Null(again.Milestones[1].DoneAt);
    }
}
