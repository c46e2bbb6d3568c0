using CheckinBot.Core.Insights.Events.CheckinCompleted;
using CheckinBot.Core.Insights.Events.CheckinSnoozed;
using CheckinBot.Core.Insights.Events.CheckinStarted;
using CheckinBot.Core.Insights.Events.ChunkFinished;
using CheckinBot.Core.Insights.Events.FeedbackAnswered;
using CheckinBot.Core.Insights.Events.FeedbackAsked;
using CheckinBot.Core.Insights.Events.GoalChanged;
using CheckinBot.Core.Insights.Events.ManagerReplied;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Insights;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.Tests.CheckIns;
using CheckinBot.Core.Tests.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.Insights;

/// <summary>
/// From completed check-ins to the metrics response: folded once into the groups of the person, counted by the census,
/// reported per period, and suppressed below the threshold without a number left behind.
/// </summary>
public sealed class MetricsServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly InMemoryMetricsStore _metrics = new();
    private readonly InMemoryGrowthLogStore _log = new();
    private readonly InMemoryDeliveryOutbox _outbox;
    private readonly InMemoryMetricsOutbox _events;
    private readonly MetricsCensusService _census;
    private readonly InMemoryOrgDirectory _directory;

    public MetricsServiceTests()
    {
        _outbox = new InMemoryDeliveryOutbox(_time);
        _events = new InMemoryMetricsOutbox(_time);
        // Lynne leads Megan (Engineering, a team of six) and Sam (Legal, a team of three).
        var people = new List<Person> { new() { Id = "lynne", DisplayName = "Lynne", Department = "Leadership" } };
        people.Add(new Person { Id = "megan", DisplayName = "Megan", ManagerId = "lynne", Department = "Engineering" });
        people.AddRange(Enumerable.Range(1, 6).Select(i => new Person { Id = $"eng{i}", ManagerId = "megan", Department = "Engineering" }));
        people.Add(new Person { Id = "sam", DisplayName = "Sam", ManagerId = "lynne", Department = "Legal" });
        people.AddRange(Enumerable.Range(1, 2).Select(i => new Person { Id = $"legal{i}", ManagerId = "sam", Department = "Legal" }));
        _directory = new InMemoryOrgDirectory(people);
        _census = new MetricsCensusService(_directory, _metrics, Cadences, new GroupsFromDirectory(), _time, NullLogger<MetricsCensusService>.Instance);
    }

    private readonly CheckinBot.Core.Tests.Runs.InMemoryRunStore _runs = new();

    private readonly CheckinBot.Core.Tests.Feedback.InMemoryFeedbackStore _feedback = new();

    private readonly List<Cadence> _cadences = [];

    private ICadenceStore Cadences => Mock.Of<ICadenceStore>(c => c.ListAsync(It.IsAny<CancellationToken>()) == Task.FromResult<IReadOnlyList<Cadence>>(_cadences));

    private MetricsAggregator Aggregator => new(_events,
        [new CheckinCompletedFold(_log), new CheckinStartedFold(_log), new CheckinSnoozedFold(_log), new GoalChangedFold(_log), new ChunkFinishedFold(_runs, _runs),
            new FeedbackAskedFold(_feedback), new FeedbackAnsweredFold(_feedback), new ManagerRepliedFold(_log, _feedback)],
        _directory, _metrics, _log, _census, _time);

    private MetricsService Service(int minGroupSize = 5) => new(_metrics, _directory, Cadences, _log, Options.Create(new HrOptions { MinGroupSize = minGroupSize }));

    private async Task CompleteAsync(string userId, DateTimeOffset at, int energy, bool shared = false)
    {
        var record = new CheckinRecord
        {
            UserId = userId, CheckinId = Guid.NewGuid().ToString("N"), QuestionSetId = "weekly-growth", QuestionSetVersion = 1,
            OccurrenceId = "weekly:" + at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StartedAt = at.AddMinutes(-7), CompletedAt = at,
            SharedWithManager = shared, Answers = [new CheckinAnswer("energy", QuestionPurpose.Energy, "Energy?", new ScaleAnswer(energy))],
        };
        _log.AddRecord(record);
        await _events.NoteAsync(new CheckinCompleted(userId, record.CheckinId), CancellationToken.None);
    }

    [Fact]
    public async Task EachCheckin_CountsOnceInEveryGroupOfItsPerson_PerMonth()
    {
        await CompleteAsync("eng1", Now.AddMonths(-1), 4);
        await CompleteAsync("eng2", Now, 2);
        await CompleteAsync("eng3", Now, 3);
        Assert.True(await _census.TakeIfDueAsync(CancellationToken.None));
        Assert.Equal(3, await Aggregator.FoldPendingAsync(CancellationToken.None));
        await _events.NoteAsync(new CheckinCompleted("eng2", (await _log.ListCheckinsAsync("eng2", CancellationToken.None))[0].CheckinId), CancellationToken.None);
        Assert.Equal(1, await Aggregator.FoldPendingAsync(CancellationToken.None)); // noted twice (a retry), counted once below

        // At three: Leadership (1) is hidden, and Legal (3) with it, so that the total does not give Lynne away.
        var report = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.Department, MetricsPeriod.Month, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        Assert.Equal((11, 3, 3.0), (report.Total.People, report.Total.Participation!.Completed, report.Total.Energy!.Mean));
        Assert.Equal(["dept:Leadership", "dept:Legal"], report.Groups.Where(g => g.Suppressed).Select(g => g.Key).Order());
        var engineering = report.Groups.Single(g => g.Key == "dept:Engineering");
        Assert.Equal((7, 3), (engineering.People, engineering.Participation!.Completed));
        Assert.Equal([(new DateOnly(2026, 10, 1), 1), (new DateOnly(2026, 11, 1), 2)], engineering.Periods!.Select(p => (p.Start, p.Participation.Completed)));
        Assert.Equal(7.5, engineering.Participation.MedianMinutesToComplete);
    }

    [Fact]
    public async Task PeopleOnLighterCheckins_AreCountedInEachOfTheirGroups_AndNotInAHiddenOne()
    {
        _log.Clock = _time;
        foreach (var (userId, cadenceId) in new[] { ("eng1", "weekly"), ("eng2", "weekly"), ("legal1", "weekly") })
        {
            await _log.TrySavePreferencesAsync(new CheckinBot.Core.CheckIns.CheckinPreferences
            {
                UserId = userId, Adaptations = [new CheckinBot.Core.Fatigue.AdaptationState { CadenceId = cadenceId, Form = CheckinBot.Core.Fatigue.CheckinForm.Light }],
            }, CancellationToken.None);
        }
        // eng3 came back to the full form on their own last month; eng4 did so long ago, which no longer counts.
        foreach (var (userId, at) in new[] { ("eng3", Now.AddMonths(-1)), ("eng4", Now.AddMonths(-6)) })
        {
            await _log.TrySavePreferencesAsync(new CheckinBot.Core.CheckIns.CheckinPreferences
            {
                UserId = userId, Adaptations = [new CheckinBot.Core.Fatigue.AdaptationState { CadenceId = "weekly", RecoveredAt = at }],
            }, CancellationToken.None);
        }
        await _census.TakeIfDueAsync(CancellationToken.None);

        var report = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.Department, MetricsPeriod.Month, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        Assert.Equal((3, 1), (report.Total.LighterCheckins, report.Total.RecoveredFromLighter));
        Assert.Equal((2, 1), (report.Groups.Single(g => g.Key == "dept:Engineering").LighterCheckins, report.Groups.Single(g => g.Key == "dept:Engineering").RecoveredFromLighter));
        Assert.Null(report.Groups.Single(g => g.Key == "dept:Legal").LighterCheckins); // hidden with Leadership, as every figure
    }

    [Fact]
    public async Task ByManager_WithoutAManager_ShowsEveryTopOfTheOrgsTree_NotOnlyTheLargest()
    {
        // A second company in the tenant: Kim has no manager and leads five people.
        var people = new List<Person>();
        await foreach (var person in _directory.ListEveryoneAsync(CancellationToken.None))
            people.Add(person);
        people.Add(new Person { Id = "kim", DisplayName = "Kim", Department = "Fabrikam" });
        people.AddRange(Enumerable.Range(1, 5).Select(i => new Person { Id = $"fab{i}", ManagerId = "kim", Department = "Fabrikam" }));
        var directory = new InMemoryOrgDirectory(people);
        await new MetricsCensusService(directory, _metrics, Cadences, new GroupsFromDirectory(), _time, NullLogger<MetricsCensusService>.Instance).TakeIfDueAsync(CancellationToken.None);

        var report = await new MetricsService(_metrics, directory, Cadences, _log, Options.Create(new HrOptions { MinGroupSize = 3 }))
            .ReportAsync(new MetricsRequest(MetricsGroupBy.Manager, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        Assert.Equal((MetricGroups.Organisation, 17), (report.Total.Key, report.Total.People));
        // Thresholded as ever: the two people at the tops are under three, so the smaller tree is hidden with them.
        Assert.Equal([("tree:kim", "Kim's organisation", true, (int?)null), ("tree:lynne", "Lynne's organisation", false, 10)],
            report.Groups.Select(g => (g.Key, g.Name, g.Suppressed, g.People)));
    }

    [Fact]
    public async Task SmallGroups_AndTheOnesThatWouldRevealThem_ShowNoNumbers()
    {
        await CompleteAsync("legal1", Now, 1);
        await CompleteAsync("eng1", Now, 5);
        await _census.TakeIfDueAsync(CancellationToken.None);
        await Aggregator.FoldPendingAsync(CancellationToken.None);

        var byDepartment = await Service().ReportAsync(new MetricsRequest(MetricsGroupBy.Department, MetricsPeriod.Week, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);
        // Legal (3) and Leadership (1) are hidden: 4 people, under five, so Engineering (7) must go as well.
        Assert.All(byDepartment.Groups, g => Assert.Equal(new GroupFigures(g.Key, g.Name, Suppressed: true), g));
        Assert.Equal(2, byDepartment.Total.Participation!.Completed);

        var byTeam = await Service().ReportAsync(new MetricsRequest(MetricsGroupBy.Manager, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);
        Assert.Equal(("tree:lynne", 10), (byTeam.Total.Key, byTeam.Total.People));
        // Megan's team (6) and Sam's (2): Sam's is hidden, and with Megan and Sam themselves that is 4, so Megan's goes too.
        Assert.Equal(["Megan's team", "Sam's team"], byTeam.Groups.Select(g => g.Name).Order());
        Assert.All(byTeam.Groups, g => Assert.True(g.Suppressed));
        // Asked for on its own, Megan's team stays hidden: with Lynne's response it would give Sam's team away.
        var megansOwn = await Service().ReportAsync(new MetricsRequest(MetricsGroupBy.Manager, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "megan"), CancellationToken.None);
        Assert.Equal(new GroupFigures("tree:megan", "Megan's team", Suppressed: true), megansOwn.Total);
    }

    [Fact]
    public async Task AFinishedChunk_CountsSentAndUnreachableByReason_AndTheCompletionRateFollows()
    {
        var done = Now.AddHours(-1);
        await _runs.TryAddRunAsync(new CheckinBot.Core.Runs.CadenceRun { RunId = "run-1", CadenceId = "weekly", StartedAt = done }, CancellationToken.None);
        CheckinBot.Core.Runs.RunRecipient Recipient(string id, CheckinBot.Core.Runs.RecipientStatus status, string? reason = null) =>
            new() { RunId = "run-1", UserId = id, OccurrenceId = "weekly:2026-11-30", Status = status, Reason = reason, DoneAt = done };
        await _runs.AddChunkAsync("run-1", 0, [
            Recipient("eng1", CheckinBot.Core.Runs.RecipientStatus.Sent),
            Recipient("eng2", CheckinBot.Core.Runs.RecipientStatus.Sent),
            Recipient("eng3", CheckinBot.Core.Runs.RecipientStatus.Unconfirmed),
            Recipient("eng4", CheckinBot.Core.Runs.RecipientStatus.Unreachable, "NotInstalled (install: NotConfigured)"),
            Recipient("eng5", CheckinBot.Core.Runs.RecipientStatus.Unreachable, "MessageWritesBlocked"),
            Recipient("eng6", CheckinBot.Core.Runs.RecipientStatus.Skipped),
        ], CancellationToken.None);
        await _events.NoteAsync(new ChunkFinished("run-1", 0), CancellationToken.None);
        await CompleteAsync("eng1", Now, 4);
        await _census.TakeIfDueAsync(CancellationToken.None);
        Assert.Equal(2, await Aggregator.FoldPendingAsync(CancellationToken.None));
        // The chunk noted again (a redelivery after a crash): counted once.
        await _events.NoteAsync(new ChunkFinished("run-1", 0), CancellationToken.None);
        await Aggregator.FoldPendingAsync(CancellationToken.None);

        var report = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.Manager, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "lynne"), CancellationToken.None);

        var megan = report.Groups.Single(g => g.Key == "tree:megan").Participation!;
        Assert.Equal((3, 2, 1, 1), (megan.Sent, megan.Reached, megan.Skipped, megan.Completed));
        Assert.Equal((1, 1, 0), (megan.Unreachable["notInstalled"], megan.Unreachable["blocked"], megan.Unreachable["other"]));
        Assert.Equal(0.33, megan.CompletionRate);
    }

    [Fact]
    public async Task TheFeedbackLoop_RequestsAnswersAndRepliesToSharedCheckins()
    {
        var feedback = new CheckinBot.Core.Feedback.FeedbackService(_feedback, _directory, _outbox, _events, new OutboxSignal(), _time, NullLogger<CheckinBot.Core.Feedback.FeedbackService>.Instance);
        var (ask, _) = await feedback.AskAsync("eng1", "megan", "my demo", checkinId: null, CancellationToken.None);
        await CompleteAsync("eng2", _time.GetUtcNow(), 3, shared: true);
        var shared = (await _log.ListCheckinsAsync("eng2", CancellationToken.None))[0];
        _time.Advance(TimeSpan.FromHours(5));
        await feedback.GiveAsync("megan", "eng1", "Clear and calm", isPraise: false, regardingCheckinId: null, ask!.Id, CancellationToken.None);
        await feedback.GiveAsync("megan", "eng2", "Nice work", isPraise: true, shared.CheckinId, askId: null, CancellationToken.None);
        await feedback.GiveAsync("megan", "eng2", "And again", isPraise: false, shared.CheckinId, askId: null, CancellationToken.None); // a second reply counts nothing more
        await _census.TakeIfDueAsync(CancellationToken.None);
        while (await Aggregator.FoldPendingAsync(CancellationToken.None) > 0)
        {
            // until nothing is due
        }

        var report = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.None, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        Assert.Equal(new FeedbackFigures(1, 1, 8, 1), report.Total.Feedback); // answered after 5 hours: the middle of its 4–12 h bucket
    }

    [Fact]
    public async Task Goals_CreatedMilestonesAndCompleted_InAndOutsideCheckins_CountOnce()
    {
        var goals = new CheckinBot.Core.Goals.GoalService(_log, _events, _time);
        var (goal, _, _) = await goals.AddAsync("eng1", "Learn Kusto", null, null, null, "Read the docs\nWrite a query", CancellationToken.None);
        await goals.TickMilestoneAsync("eng1", goal!.Id, "m1", CancellationToken.None);
        await goals.TickMilestoneAsync("eng1", goal.Id, "m1", CancellationToken.None); // ticked again: nothing new
        await goals.SetStatusAsync("eng1", goal.Id, CheckinBot.Core.Goals.GoalStatus.Completed, CancellationToken.None);
        // In a check-in: a milestone reached on another goal, and a new goal.
        _log.AddRecord(new CheckinRecord
        {
            UserId = "eng2", CheckinId = "c1", QuestionSetId = "weekly-growth", QuestionSetVersion = 1, StartedAt = Now, CompletedAt = Now, SharedWithManager = false,
            Answers =
            [
                new CheckinAnswer("goal", QuestionPurpose.GoalProgress, "Rust?", new GoalProgressAnswer(40, MilestoneId: "m2", MilestoneTitle: "Ownership"), "g2"),
                new CheckinAnswer("new-goal", QuestionPurpose.NewGoalTitle, "New goal?", new TextAnswer("Give a talk")),
            ],
        });
        await _events.NoteAsync(new CheckinCompleted("eng2", "c1"), CancellationToken.None);
        await _census.TakeIfDueAsync(CancellationToken.None);
        Assert.Equal(4, await Aggregator.FoldPendingAsync(CancellationToken.None));

        var report = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.None, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        // eng1's goal is completed and eng2's new one lives only in the record here: no one has an active goal.
        Assert.Equal(new GoalFigures(2, 2, 1, PeopleWithGoals: 0, MedianProgress: null), report.Total.Goals);
    }

    [Fact]
    public async Task TheGoalStock_PeopleWithAnActiveGoal_AndTheMedianProgress_FollowChangesOutsideCheckins()
    {
        var goals = new CheckinBot.Core.Goals.GoalService(_log, _events, _time);
        var (kusto, _, _) = await goals.AddAsync("eng1", "Learn Kusto", null, null, null, null, CancellationToken.None);
        var (rust, _, _) = await goals.AddAsync("eng2", "Learn Rust", null, null, null, null, CancellationToken.None);
        var (talk, _, _) = await goals.AddAsync("eng2", "Give a talk", null, null, null, null, CancellationToken.None);
        await goals.UpdateProgressAsync("eng1", kusto!.Id, "40", null, CancellationToken.None);
        await goals.UpdateProgressAsync("eng2", rust!.Id, "10", null, CancellationToken.None);
        await goals.UpdateProgressAsync("eng2", talk!.Id, "80", null, CancellationToken.None);
        await Aggregator.FoldPendingAsync(CancellationToken.None);
        await _census.TakeIfDueAsync(CancellationToken.None);

        var before = (await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.Department, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None));

        Assert.Equal((2, 40.0), (before.Total.Goals!.PeopleWithGoals, before.Total.Goals.MedianProgress)); // 10, 40, 80
        Assert.Equal((2, 40.0), (before.Groups.Single(g => g.Name == "Engineering").Goals!.PeopleWithGoals, before.Groups.Single(g => g.Name == "Engineering").Goals!.MedianProgress));
        Assert.Null(before.Groups.Single(g => g.Name == "Legal").Goals); // suppressed beside Leadership's one person: no stock either
        Assert.All(before.Total.Periods!, p => Assert.Null(p.Goals.PeopleWithGoals)); // a stock, for the whole range only

        // Archived outside a check-in: no longer active, so eng1 drops out at the next census.
        var aggregator = Aggregator;
        await goals.SetStatusAsync("eng1", kusto.Id, CheckinBot.Core.Goals.GoalStatus.Archived, CancellationToken.None);
        await aggregator.FoldPendingAsync(CancellationToken.None);
        Assert.False(await _census.TakeIfDueAsync(CancellationToken.None)); // just taken: not again at once
        _time.Advance(MetricsCensusService.StocksCensusAfter); // not the hour: the stock it wrote brings the census forward
        Assert.True(await _census.TakeIfDueAsync(CancellationToken.None));

        var after = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.None, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        Assert.Equal((1, 45.0), (after.Total.Goals!.PeopleWithGoals, after.Total.Goals.MedianProgress)); // 10, 80
        Assert.Equal(3, after.Total.Goals.Created);
    }

    [Fact]
    public async Task ASentCheckin_CountsAsStarted_AtItsFirstAnswer_Once()
    {
        var checkins = new CheckinService(_log, _log, QuestionSetStores.Holding().Object, new OutboxSignal(), _outbox, _events, _time, NullLogger<CheckinService>.Instance);
        await checkins.StartOrResumeAsync("eng1", "weekly:2026-11-30", CancellationToken.None);
        await checkins.StartOrResumeAsync("eng2", "weekly:2026-11-30", CancellationToken.None); // sent, never answered
        await checkins.StartOrResumeAsync("eng3", null, CancellationToken.None); // self-started: not a send
        await checkins.HandleAsync("eng1", "a1", new DialogueInput.Answer("4"), CancellationToken.None);
        await checkins.HandleAsync("eng1", "a2", new DialogueInput.Skip(), CancellationToken.None);
        await checkins.HandleAsync("eng3", "a3", new DialogueInput.Answer("4"), CancellationToken.None);
        await _census.TakeIfDueAsync(CancellationToken.None);
        Assert.Equal(1, await Aggregator.FoldPendingAsync(CancellationToken.None));

        var report = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.None, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        Assert.Equal((1, 0), (report.Total.Participation!.Started, report.Total.Participation.Completed));
    }

    [Fact]
    public async Task ACadence_IsShown_OnlyWhenItsAudience_AndTheRestOfTheOrganisation_ReachTheThreshold()
    {
        _cadences.Add(new Cadence { Id = "all", Name = "Everyone", Audience = new() { Everyone = true } });
        _cadences.Add(new Cadence { Id = "legal", Name = "Legal", Audience = new() { Departments = ["Legal"] } });
        _cadences.Add(new Cadence { Id = "most", Name = "All but two", Audience = new() { Everyone = true, ExcludeUserIds = ["legal1", "legal2"] } });
        _cadences.Add(new Cadence { Id = "eng", Name = "Engineering", Audience = new() { Departments = ["Engineering"] } });
        await _census.TakeIfDueAsync(CancellationToken.None);

        var report = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.Cadence, MetricsPeriod.Month, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        // 11 people: Legal has 3 (shown); "all but two" would reveal those two (org minus it); Engineering has 7, the rest 4.
        Assert.Equal(
            [("cadence:all", false, (int?)11), ("cadence:eng", false, 7), ("cadence:legal", false, 3), ("cadence:most", true, null)],
            report.Groups.Select(g => (g.Key, g.Suppressed, g.People)).ToList());
    }

    [Fact]
    public async Task ASnooze_CountsOnce_OnTheDayItWasAskedFor()
    {
        var checkins = new CheckinService(_log, _log, QuestionSetStores.Holding().Object, new OutboxSignal(), _outbox, _events, _time, NullLogger<CheckinService>.Instance);
        await checkins.SnoozeAsync("eng1", Now.AddDays(2), CancellationToken.None);
        await _census.TakeIfDueAsync(CancellationToken.None);
        Assert.Equal(1, await Aggregator.FoldPendingAsync(CancellationToken.None));

        var report = await Service(minGroupSize: 3).ReportAsync(new MetricsRequest(MetricsGroupBy.None, MetricsPeriod.Week, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), CancellationToken.None);

        Assert.Equal((1, new DateOnly(2026, 11, 30)), (report.Total.Participation!.Snoozed, report.Total.Periods!.Single().Start));
    }

    [Theory]
    [InlineData("teams", null, null, null, "groupBy")]
    [InlineData(null, "day", null, null, "period")]
    [InlineData(null, null, "2026-12-01", "2026-11-30", "from")]
    [InlineData(null, null, "2024-01-01", "2026-11-30", "to")]
    [InlineData(null, null, "30.11.2026", null, "from")]
    public void BadParameters_AreNamed(string? groupBy, string? period, string? from, string? to, string parameter) =>
        Assert.Equal(parameter, MetricsRequest.Parse(groupBy, period, from, to, null, new DateOnly(2026, 11, 30)).Parameter);

    [Fact]
    public void WithoutParameters_TheLast90DaysByMonth() =>
        Assert.Equal(new MetricsRequest(MetricsGroupBy.None, MetricsPeriod.Month, new DateOnly(2026, 9, 2), new DateOnly(2026, 11, 30)),
            MetricsRequest.Parse(null, null, null, null, null, new DateOnly(2026, 11, 30)).Request);
}
