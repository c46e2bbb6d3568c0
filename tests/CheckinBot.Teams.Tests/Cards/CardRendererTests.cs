using CheckinBot.Core.Runs;
using System.Text.Json;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Cards;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Org;
using CheckinBot.Core.Registrations;
using CheckinBot.Teams.Cadences;
using CheckinBot.Teams.Feedback;
using CheckinBot.Teams.Managers;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Teams.CheckIns;
using CheckinBot.Teams.Goals;
using CheckinBot.Teams.GrowthLog;
using CheckinBot.Teams.Welcome;
using CheckinBot.TestKit;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Teams.Tests.Cards;

/// <summary>Every card we send must parse cleanly in the official Adaptive Cards renderer (npm <c>adaptivecards</c>).</summary>
public sealed class CardRendererTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly LearningGoal Goal = new()
    {
        UserId = "u", Id = "g1", Title = "Give a talk", Why = "visibility", TargetDate = new DateOnly(2027, 6, 30), CreatedAt = At,
        Milestones = [new GoalMilestone("m1", "Write abstract")],
    };

    /// <summary>A draft at each kind of question, and at the recap.</summary>
    private static CheckinDraft DraftAt(string stepKey)
    {
        var steps = CheckinSteps.Build(QuestionSet.Default, [Goal], "What did you avoid?");
        var draft = new CheckinDraft { UserId = "u", CheckinId = "c", QuestionSetId = "default", QuestionSetVersion = 1, Steps = steps, StartedAt = At, UpdatedAt = At };
        return stepKey == "recap"
            ? draft with { Stage = DraftStage.Recap, Current = steps.Count, Answers = draft.Answers.Add("energy", new ScaleAnswer(4)).Add("learned", new TextAnswer("Rust")) }
            : draft with { Current = steps.ToList().FindIndex(s => s.Key == stepKey), Answers = draft.Answers.Add("new-goal", new YesNoAnswer(true)) };
    }

    private static readonly Person Megan = new() { Id = "p1", DisplayName = "Megan Bowen", Mail = "meganb@contoso.example", Department = "Engineering" };

    private static readonly FeedbackNote Note = new() { Id = "n1", ToUserId = "u", FromUserId = "p1", FromName = "Megan Bowen", Text = "Clear and calm demo.", CreatedAt = At };

    private static readonly FeedbackAsk Ask = new() { Id = "a1", RequesterId = "u", RequesterName = "Alex Wilber", AskedUserId = "p1", AskedName = "Megan Bowen", Topic = "my demo", CreatedAt = At };

    private static ManagerSummaryMessage Summary => new(Megan, Record with
    {
        Answers =
        [
            .. Record.Answers,
            new CheckinAnswer("goals", QuestionPurpose.GoalProgress, "Goal?", new GoalProgressAnswer(40, "abstract in", "m1", "Abstract"), "g1"),
            new CheckinAnswer("learned", QuestionPurpose.Win, "Learned?", new TextAnswer("Rust")),
            new CheckinAnswer("blockers", QuestionPurpose.Blocker, "Blockers?", new TextAnswer("Prod access")),
            new CheckinAnswer("reflection", QuestionPurpose.Reflection, "What did you avoid?", new TextAnswer("Estimates")),
            new CheckinAnswer("feedback", QuestionPurpose.FeedbackRequest, "Feedback on?", new TextAnswer("my talk outline")),
            new CheckinAnswer("area", QuestionPurpose.None, "Which area grew most?", new ChoiceAnswer("People")), // HR's own question
        ],
    }, [3, 4, 4], [new GoalSummaryLine("Give a talk", 40, 20, "Abstract", "abstract in")]);

    private static readonly CheckinRecord Record = new()
    {
        UserId = "u", CheckinId = "c", QuestionSetId = "default", QuestionSetVersion = 1, StartedAt = At, CompletedAt = At, SharedWithManager = true,
        Answers = [new CheckinAnswer("energy", QuestionPurpose.Energy, "How energised?", new ScaleAnswer(4))],
    };

    public static TheoryData<string, AdaptiveCard> AllCards => new()
    {
        { "welcome", WelcomeCards.Welcome("Alex Wilber") },
        { "welcome-no-name", WelcomeCards.Welcome(null) },
        { "help", WelcomeCards.Help() },
        { "question-scale", CheckinCards.Question(DraftAt("energy")) },
        { "question-goal", CheckinCards.Question(DraftAt("goals:g1"), "Please start with a percentage") },
        { "question-text", CheckinCards.Question(DraftAt("learned")) },
        { "question-yes-no", CheckinCards.Question(DraftAt("new-goal")) },
        { "question-conditional", CheckinCards.Question(DraftAt("new-goal-title")) },
        { "recap", CheckinCards.Recap(DraftAt("recap")) },
        { "answered", CheckinCards.Answered("How energised?", "4") },
        { "skipped", CheckinCards.Answered("Blockers?", null) },
        { "completed", CheckinCards.Completed(Record) },
        { "paused", CheckinCards.Paused() },
        { "snooze-options", CheckinCards.SnoozeOptions() },
        { "snoozed", CheckinCards.Snoozed(At, "Europe/Berlin") },
        { "skipped", CheckinCards.Skipped() },
        { "goals", GoalCards.List([Goal, Goal with { Id = "g2", Status = GoalStatus.Completed }], []) },
        { "goals-journey", GoalCards.List([Goal], [new JourneyProgress("Onboarding journey", JourneyCalendar.Path(
            new CadenceSchedule { Frequency = CadenceFrequency.Journey, Steps = [new() { Day = 1, QuestionSetId = "onboarding-1" }, new() { Day = 30, QuestionSetId = "onboarding-30" }, new() { Day = 90, QuestionSetId = "onboarding-90" }] },
            new DateOnly(2026, 10, 30), new DateOnly(2026, 11, 29)), new HashSet<int> { 1 })]) },
        { "goals-milestones", GoalCards.List([Goal with { Milestones = [new GoalMilestone("m1", "Abstract", At), new GoalMilestone("m2", "Slides")] }], []) },
        { "goals-empty", GoalCards.List([], []) },
        { "goal-form", GoalCards.Form() },
        { "goal-form-error", GoalCards.Form("x", "y", "z", "2020-01-01", "The target date is in the past.") },
        { "goal-added", GoalCards.Added(Goal) },
        { "goal-progress", GoalCards.ProgressForm(Goal) },
        { "goal-progress-error", GoalCards.ProgressForm(Goal, "Progress is a number from 0 to 100.", "kept note") },
        { "goal-updated", GoalCards.Updated(Goal with { Percent = 30 }) },
        { "goal-completed", GoalCards.Updated(Goal with { Status = GoalStatus.Completed }) },
        { "wins", GrowthLogCards.Wins([new BragItem(At, "Shipped it", BragKind.Win), new BragItem(At, "Give a talk", BragKind.CompletedGoal), new BragItem(At, "Abstract (Give a talk)", BragKind.Milestone)], BragPeriod.Quarter) },
        { "wins-empty", GrowthLogCards.Wins([], BragPeriod.All) },
        { "feedback", FeedbackCards.Overview(new FeedbackOverview([Note], [Ask, Ask with { Id = "a2", AnsweredAt = At }], [Ask]), [new CheckinFeedbackTopic(At, "my slides", false)]) },
        { "feedback-empty", FeedbackCards.Overview(new FeedbackOverview([], [], []), []) },
        { "feedback-received", FeedbackCards.Received(Note with { IsPraise = true }, "my demo") },
        { "feedback-acknowledged", FeedbackCards.Acknowledged(Note) },
        { "feedback-asked", FeedbackCards.Asked(Ask) },
        { "feedback-nudge", FeedbackCards.Asked(Ask, 4, "Write your feedback in the box first.", "draft text") },
        { "feedback-ask-form", FeedbackCards.AskForm("meg", "my demo", "No one in the directory matches \"meg\".") },
        { "feedback-pick", FeedbackCards.Pick([Megan, Megan with { Id = "p2", DisplayName = "Megan Smith", Department = null }], "my demo") },
        { "feedback-ask-sent", FeedbackCards.AskSent(Ask) },
        { "feedback-sent", FeedbackCards.Sent("Alex Wilber", "Great demo") },
        { "manager-summary", ManagerCards.Summary(Summary) },
        { "manager-summary-error", ManagerCards.Summary(Summary with { Employee = Megan with { Mail = null } }, "Write your feedback in the box first.", "kept") },
        { "manager-done", ManagerCards.Done("Alex Wilber", "u", "c", "Acknowledged") },
        { "manager-history", ManagerCards.History(Megan, [Record, Record]) },
        { "cadences", CadenceCards.List([
            new CadenceSummary(new Cadence { Id = "weekly", Name = "Weekly growth", Audience = new CadenceAudience { Everyone = true }, Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, SkipDates = [new DateOnly(2026, 12, 28)] } }, new CadenceOccurrence(new DateOnly(2026, 11, 30), At)),
            new CadenceSummary(new Cadence { Id = "q", Name = "Quarterly review", Active = false, Audience = new CadenceAudience { Departments = ["Sales"], ExcludeUserIds = ["x"] }, Schedule = new CadenceSchedule { Frequency = CadenceFrequency.Quarterly, DayOfWeek = DayOfWeek.Tuesday, WeekOfMonth = -1 } }, null),
            new CadenceSummary(new Cadence { Id = "c", Name = "Cron", Schedule = new CadenceSchedule { Frequency = CadenceFrequency.Cron, Cron = "0 9 * * 1" }, Audience = new CadenceAudience { UserIds = ["a"] } }, null)],
            new Dictionary<string, (string, RunProgress)>
            {
                ["weekly"] = ("run-1", new RunProgress(20, 17, 1, 2, 0, 0, At, At.AddMinutes(1))),
                ["q"] = ("run-2", new RunProgress(20, 5, 0, 0, 0, 15, At, null) { Snoozed = 2, HeldAway = 1, Away = 3 }),
            }) },
        { "cadences-empty", CadenceCards.List([], new Dictionary<string, (string, RunProgress)>()) },
        { "cadence-form-new", CadenceCards.Form(CadenceForm.New("Europe/Berlin"), null, []) },
        { "cadence-form-rejected", CadenceCards.Form(CadenceForm.New("Mars/Olympus"), "weekly", ["'Mars/Olympus' is not a known time zone; use an IANA id such as Europe/Berlin."]) },
        { "cadence-saved", CadenceCards.Saved(new Cadence { Id = "weekly", Name = "Weekly growth" }, new CadenceOccurrence(new DateOnly(2026, 11, 30), At)) },
        { "cadence-confirm-delete", CadenceCards.ConfirmDelete(new Cadence { Id = "weekly", Name = "Weekly growth" }) },
        { "cadence-failures", CadenceCards.Failures([("Megan Bowen", "BadRequest"), ("Alex Wilber", "500")]) },
        { "cadence-preview", CadenceCards.Preview(new("weekly", "Weekly growth", true, false, "default", 2, new Dictionary<string, int> { ["default"] = 2 }, new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 20), [new DateOnly(2026, 12, 14)],
            [new(new DateOnly(2026, 11, 23), new TimeOnly(9, 30), 17, 2, new Dictionary<string, int> { ["notInstalled"] = 3 })], 20, 0, At, 1, 1, [])) },
        { "cadence-preview-journey", CadenceCards.Preview(new("onboarding", "Onboarding", true, true, "default", 1,
            new Dictionary<string, int> { ["onboarding-1"] = 1, ["onboarding-30"] = 2 }, new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 20), [],
            [new(new DateOnly(2026, 11, 24), new TimeOnly(9, 30), 1, 0, new Dictionary<string, int>())], 20, 14, At, 1, 1, [])) },
        { "cadence-run-started", CadenceCards.RunStarted("Weekly growth", "run-1", 1240) },
        { "cadence-run-confirm", CadenceCards.ConfirmRun(new RunNowAnswer(RunNowOutcome.NeedsConfirmation, new Cadence { Id = "weekly", Name = "Weekly growth" }, 1240, "run-2"), "Europe/Berlin") },
        { "cadence-rerun-confirm", CadenceCards.ConfirmRun(new RunNowAnswer(RunNowOutcome.NeedsConfirmation, new Cadence { Id = "weekly", Name = "Weekly growth" }, 1240, "run-2",
            new RunProgress(1238, 1200, 0, 38, 0, 0, At, At), IsRerun: true), "Europe/Berlin") },
        { "cadence-run-refused", CadenceCards.RunNotStarted(new RunNowAnswer(RunNowOutcome.Running, new Cadence { Id = "weekly", Name = "Weekly growth" }, 1240, "run-1",
            new RunProgress(1240, 40, 0, 0, 0, 1200, At, null))) },
        { "hr-only", WelcomeCards.HrOnly() },
        { "question-sets", Teams.QuestionSets.QuestionSetCards.List([QuestionSet.Default, QuestionSet.Default with { Id = "pulse", Name = "Pulse", Retired = true }],
            new Dictionary<string, IReadOnlyList<string>> { ["default"] = ["Weekly growth check-in"] }) },
        { "question-set-view", Teams.QuestionSets.QuestionSetCards.View(QuestionSet.Default, ["Weekly growth check-in"]) },
        { "question-set-edit", Teams.QuestionSets.QuestionSetCards.Form(Teams.QuestionSets.QuestionSetForm.From(QuestionSet.Default), QuestionSet.Default, ["Question 2: a choice needs 2 to 8 different options."]) },
        { "question-set-new", Teams.QuestionSets.QuestionSetCards.Form(Teams.QuestionSets.QuestionSetForm.New(), null, []) },
        { "question-set-saved", Teams.QuestionSets.QuestionSetCards.Saved(QuestionSet.Default with { Version = 2 }) },
        { "question-set-retire-refused", Teams.QuestionSets.QuestionSetCards.RetireRefused("Pulse", ["Weekly growth check-in"]) },
        { "handover-ask", Teams.Handovers.HandoverCards.Ask(new Core.Handovers.HandoverConsentMessage(new Core.Handovers.ManagerHandover
            { Id = "h1", PersonId = "u", NewManagerId = "m", DetectedAt = At }, "Patti Fernandez", 4, 1)) },
        { "handover-answered", Teams.Handovers.HandoverCards.Answered(Core.Handovers.HandoverAnswer.Shared, "Patti Fernandez") },
        { "handover-moved-on", Teams.Handovers.HandoverCards.MovedOn(new Core.Handovers.ReportMovedOnMessage("Alex Wilber", "Patti Fernandez")) },
        { "handover-history", Teams.Handovers.HandoverCards.History(new Core.Handovers.HandoverMessage("Alex Wilber", new DateOnly(2026, 6, 1), [Record, Record], [Goal])) },
        { "team", ManagerCards.Team([new TeamMember(Megan, RegistrationStatus.Active, null, At, [3, 4], 1, 1, 2), new TeamMember(Megan, null, null, null, [], 0, 0, 0),
            new TeamMember(Megan, RegistrationStatus.Active, null, At, [], 0, 0, 0, new Core.Away.AwayPeriod(null, At.AddDays(9), Core.Away.AwaySource.Said)),
            new TeamMember(Megan, RegistrationStatus.Active, null, At, [], 0, 0, 0, new Core.Away.AwayPeriod(null, null, Core.Away.AwaySource.AutomaticReplies))]) },
        { "reviewpack-period", Teams.ReviewPacks.ReviewPackCards.Period(new DateOnly(2026, 12, 7)) },
        { "reviewpack-period-problem", Teams.ReviewPacks.ReviewPackCards.TooMany(new DateOnly(2026, 12, 7), 180) },
        { "reviewpack-entries", Teams.ReviewPacks.ReviewPackCards.Entries(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 7), [
            new Core.ReviewPacks.ReviewEntry("w-c1-win", Core.ReviewPacks.ReviewSection.Wins, At, "Shipped the importer", "Check-in of 1 Dec 2026: What went well?", Core.ReviewPacks.ReviewSourceKind.Checkin, "c1", false),
            new Core.ReviewPacks.ReviewEntry("w-c2-win", Core.ReviewPacks.ReviewSection.Wins, At, new string('x', 300), "Check-in of 2 Dec 2026: What went well?", Core.ReviewPacks.ReviewSourceKind.Checkin, "c2", true),
            new Core.ReviewPacks.ReviewEntry("f-n1", Core.ReviewPacks.ReviewSection.Feedback, At, "Great demo", "Praise from Megan Bowen", Core.ReviewPacks.ReviewSourceKind.Feedback, "n1", false)]) },
        { "reviewpack-entries-empty", Teams.ReviewPacks.ReviewPackCards.Entries(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 7), []) },
        { "reviewpack-built", Teams.ReviewPacks.ReviewPackCards.Built(new Core.ReviewPacks.ReviewPack { UserId = "u", Id = "p1", From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 7), EntryIds = ["f-n1"] },
            [new Core.ReviewPacks.ReviewEntry("f-n1", Core.ReviewPacks.ReviewSection.Feedback, At, "Great demo", "Praise from Megan Bowen", Core.ReviewPacks.ReviewSourceKind.Feedback, "n1", false)], new Uri("https://bot.example/api/review-pack/p1/t")) },
        { "reviewpack-shared", Teams.ReviewPacks.ReviewPackCards.Shared("Megan Bowen", 2) },
        { "reviewpack-shared-with-you", Teams.ReviewPacks.ReviewPackCards.SharedWithYou(new Core.ReviewPacks.ReviewPackSharedMessage("Alex Wilber", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 7), 40, new Uri("https://bot.example/api/review-pack/p1/t?copy=manager"))) },
        { "reviewpack-asked", Teams.ReviewPacks.ReviewPackCards.Asked(new Core.ReviewPacks.ReviewPackAskedMessage("Megan Bowen")) },
        { "reviewpack-ask-sent", Teams.ReviewPacks.ReviewPackCards.AskSent("Alex Wilber") },
        { "away-ask", Teams.Away.AwayCards.Ask(new DateOnly(2026, 12, 7)) },
        { "away-ask-problem", Teams.Away.AwayCards.Ask(new DateOnly(2026, 12, 7), "I couldn't read that date. Type it like **away until 12 Jan** (the day you are back).") },
        { "away-set", Teams.Away.AwayCards.Away(new DateOnly(2027, 1, 12)) },
        { "away-back", Teams.Away.AwayCards.Back(true, null, "Europe/Berlin") },
        { "away-back-outlook", Teams.Away.AwayCards.Back(false, new Core.Away.AwayPeriod(null, At.AddDays(2), Core.Away.AwaySource.AutomaticReplies), "Europe/Berlin") },
        { "export", GrowthLogCards.Export(new Uri("https://bot.contoso.com/api/export/t/json"), new Uri("https://bot.contoso.com/api/export/t/csv")) },
        { "confirm-erase", GrowthLogCards.ConfirmErase(At) },
        { "erased", GrowthLogCards.Erased(new EraseResult(3, true)) },
        { "erase-interrupted", GrowthLogCards.Erased(new EraseResult(3, false)) },
        { "erase-expired", GrowthLogCards.ConfirmationExpired() },
    };

    [Theory]
    [MemberData(nameof(AllCards))]
    public async Task Card_ParsesInOfficialRenderer_WithoutWarnings(string name, AdaptiveCard card)
    {
        var problems = await ValidateAsync(card);
        Assert.True(problems.Length == 0, $"{name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public async Task Validator_CardWithUnknownElement_ReportsIt()
    {
        // Guards the guard: the renderer check must be able to fail.
        var problems = await ValidateAsync(new { type = "AdaptiveCard", version = "1.5", body = new object[] { new { type = "Bogus" } } });
        Assert.Contains(problems, p => p.Contains("Bogus", StringComparison.Ordinal));
    }

    [Fact]
    public void QuestionCard_OnlyNextReadsInputs_SoSkipWorksWithARequiredFieldEmpty()
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(CheckinCards.Question(DraftAt("goals:g1")), ProtocolJson.Options));
        var actions = doc.RootElement.GetProperty("actions").EnumerateArray().ToList();

        Assert.False(actions.Single(a => a.GetProperty("title").GetString() == "Next").TryGetProperty("associatedInputs", out _));
        Assert.All(actions.Where(a => a.GetProperty("title").GetString() != "Next"), a => Assert.Equal("none", a.GetProperty("associatedInputs").GetString()));
        var milestone = doc.RootElement.GetProperty("body").EnumerateArray().Last(e => e.GetProperty("type").GetString() == "ActionSet").GetProperty("actions")[0];
        Assert.Equal("m1", milestone.GetProperty("data").GetProperty("milestoneId").GetString());
        Assert.Equal("checkin.progress", milestone.GetProperty("data").GetProperty("verb").GetString());
        Assert.Equal("none", milestone.GetProperty("associatedInputs").GetString());
    }

    [Fact]
    public void ManagerSummary_ShowsAnswersToHrsOwnQuestions_ByTheirPrompt()
    {
        var json = JsonSerializer.Serialize(ManagerCards.Summary(Summary), ProtocolJson.Options);

        Assert.Contains("\"text\":\"Which area grew most?\"", json, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"People\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Card_Serialized_HasTypeFirstAndSchema15()
    {
        var json = JsonSerializer.Serialize(WelcomeCards.Help(), ProtocolJson.Options);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("type", doc.RootElement.EnumerateObject().First().Name);
        Assert.Equal("1.5", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal("Full", doc.RootElement.GetProperty("msteams").GetProperty("width").GetString());
        Assert.Equal("FactSet", doc.RootElement.GetProperty("body")[1].GetProperty("type").GetString());
    }

    private static async Task<string[]> ValidateAsync(object card)
    {
        var result = await ProcessRunner.RunAsync(
            "node",
            [Path.Combine(AppContext.BaseDirectory, "Cards", "validate-cards.js"), RepoPaths.Root],
            standardInput: JsonSerializer.Serialize(new[] { card }, ProtocolJson.Options));
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. JsonDocument.Parse(result.Output).RootElement.EnumerateArray().Select(p => p.GetProperty("message").GetString()!)];
    }
}
