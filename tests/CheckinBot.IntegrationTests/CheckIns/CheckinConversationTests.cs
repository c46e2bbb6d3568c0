using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.CheckIns;

/// <summary>The check-in and growth-log commands through POST /api/messages, with Azurite and a fake connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CheckinConversationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite);

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    private Task PostAsync(object activity) => _bot.PostAsync(activity);

    private Task SayAsync(string text) => _bot.SayAsync(text);

    private Task ClickAsync(object value, string cardId = "activity-2") => _bot.ClickAsync(value, cardId);

    private string LastPosted() => _bot.LastPosted();

    /// <summary>The erase button's <c>requestedAt</c>, as a client would send it back.</summary>
    private static string RequestedAt(string confirmCard) =>
        System.Text.RegularExpressions.Regex.Match(confirmCard, "\"requestedAt\":\"(\\d+)\"").Groups[1].Value;

    private Task<CheckinDraft?> DraftAsync() =>
        _bot.Services.GetRequiredService<CheckinService>().FindDraftAsync(Activities.UserAadId, CancellationToken.None);

    [Fact]
    public async Task CheckIn_TypedAnswers_WalkTheQuestionsToRecapAndShare()
    {
        await SayAsync("check in");
        Assert.Contains("How energised", LastPosted(), StringComparison.Ordinal);

        await SayAsync("7");
        Assert.Contains("Please pick a number from 1 to 5.", LastPosted(), StringComparison.Ordinal);

        foreach (var answer in new[] { "4", "Shipped the importer", "skip", "skip", "no", "skip" })
            await SayAsync(answer);
        Assert.Contains("Share it with your manager", LastPosted(), StringComparison.Ordinal);

        await SayAsync("share");
        Assert.Contains("Check-in shared with your manager", LastPosted(), StringComparison.Ordinal);
        Assert.Null(await DraftAsync());
    }

    [Fact]
    public async Task CommandTypedMidCheckin_IsThatCommand_NeverTheAnswer_AndTheCheckinWaitsWhereItWas()
    {
        await SayAsync("check in");
        await SayAsync("4");
        Assert.Contains("What did you learn", LastPosted(), StringComparison.Ordinal);
        var before = _bot.Connector.PostedActivities.Count;

        await SayAsync("goals");

        var replies = _bot.Connector.PostedActivities.Skip(before).Select(a => a.GetRawText()).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains("Your learning goals", replies[0], StringComparison.Ordinal);
        Assert.Contains("Your check-in is still open", replies[1], StringComparison.Ordinal);
        Assert.Contains("What did you learn", replies[1], StringComparison.Ordinal);
        var draft = (await DraftAsync())!;
        Assert.Single(draft.Answers); // only the energy: "goals" was not stored as what Alex learned

        // A command with more words is an answer like any other text.
        await SayAsync("feedback from the design review");
        Assert.Equal(2, (await DraftAsync())!.Answers.Count);
    }

    [Fact]
    public async Task CheckIn_ButtonClick_ReplacesTheClickedCardAndAsksNext()
    {
        await SayAsync("check in"); // the welcome was activity-1, this question card is activity-2

        await ClickAsync(new { verb = "checkin.answer", step = "energy", value = "5" }, cardId: "activity-2");

        var update = Assert.Single(_bot.Connector.Requests, r => r.Method == "PUT");
        Assert.EndsWith("/activities/activity-2", update.Path, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(update.Body);
        var card = body.RootElement.GetProperty("attachments")[0].GetProperty("content");
        Assert.Equal("✓ 5", card.GetProperty("body")[1].GetProperty("text").GetString());
        Assert.False(card.TryGetProperty("actions", out _));
        Assert.Contains("What did you learn", LastPosted(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_OldCardClickedAgain_GetsClearAnswerAndChangesNothing()
    {
        await SayAsync("check in");
        await ClickAsync(new { verb = "checkin.answer", step = "energy", value = "5" });

        await ClickAsync(new { verb = "checkin.answer", step = "energy", value = "1" });

        var draft = await DraftAsync();
        Assert.Equal(new ScaleAnswer(5), draft!.Answers["energy"]);
        Assert.Contains(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("earlier question", StringComparison.Ordinal) || a.GetRawText().Contains("another question", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckIn_OldCardClickedWhilePaused_SaysHowToContinue()
    {
        await SayAsync("check in");
        await SayAsync("cancel");

        await ClickAsync(new { verb = "checkin.skip", step = "energy" });

        Assert.Contains("This check-in is paused", LastPosted(), StringComparison.Ordinal);
        Assert.DoesNotContain(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("couldn't save", StringComparison.Ordinal));
        Assert.Equal(DraftStage.Paused, (await DraftAsync())!.Stage);
    }

    [Fact]
    public async Task CheckIn_SameActivityDeliveredTwice_IsAnsweredOnce()
    {
        await SayAsync("check in");
        var activity = Activities.Message(_bot.Connector.ServiceUrl, "4");
        await PostAsync(activity);
        var posted = _bot.Connector.PostedActivities.Count;

        await PostAsync(activity);

        Assert.Equal(posted, _bot.Connector.PostedActivities.Count);
        Assert.Equal("learned", (await DraftAsync())!.CurrentStep!.Key);
    }

    [Fact]
    public async Task CheckIn_CancelThenCheckIn_ResumesWithAnswersKept()
    {
        await SayAsync("check in");
        await SayAsync("4");
        await SayAsync("cancel");
        Assert.Contains("Paused", LastPosted(), StringComparison.Ordinal);

        await SayAsync("help");
        Assert.Contains("What you can type", LastPosted(), StringComparison.Ordinal);

        await SayAsync("check in");
        Assert.Contains("What did you learn", LastPosted(), StringComparison.Ordinal);
        Assert.Equal(new ScaleAnswer(4), (await DraftAsync())!.Answers["energy"]);
    }

    [Fact]
    public async Task SnoozeDuringCheckin_OffersChoices_ThenPausesWithAnswersKept()
    {
        await SayAsync("check in");
        await SayAsync("4");
        await SayAsync("snooze");
        Assert.Contains("Monday morning", LastPosted(), StringComparison.Ordinal);

        await ClickAsync(new { verb = "checkin.snooze", until = "UntilMonday" }, cardId: "snooze-1");

        Assert.Contains("Snoozed until Monday", Assert.Single(_bot.Connector.Requests, r => r.Method == "PUT").Body, StringComparison.Ordinal);
        var draft = await DraftAsync();
        Assert.Equal(DraftStage.Paused, draft!.Stage);
        Assert.Equal(new ScaleAnswer(4), draft.Answers["energy"]);
        var scheduled = await _bot.Services.GetRequiredService<CheckinService>().StartScheduledAsync(Activities.UserAadId, "weekly-1", CancellationToken.None);
        Assert.Equal(ScheduledStartOutcome.Snoozed, scheduled.Outcome);
    }

    [Fact]
    public async Task SkipOutsideCheckin_SkipsTheNextScheduledCycle()
    {
        await SayAsync("skip");
        Assert.Contains("Skipped this cycle", LastPosted(), StringComparison.Ordinal);

        var scheduled = await _bot.Services.GetRequiredService<CheckinService>().StartScheduledAsync(Activities.UserAadId, "weekly-1", CancellationToken.None);
        Assert.Equal(ScheduledStartOutcome.Skipped, scheduled.Outcome);
    }

    [Fact]
    public async Task AddGoal_WithText_ThenGoalsListsIt()
    {
        await SayAsync("add goal Learn Kusto by March");
        Assert.Contains("Goal added: Learn Kusto by March", LastPosted(), StringComparison.Ordinal);

        await SayAsync("goals");
        Assert.Contains("Learn Kusto by March", LastPosted(), StringComparison.Ordinal);
        Assert.Contains("0%", LastPosted(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddGoal_FormWithPastDate_IsShownAgainWithMessageAndInputsKept()
    {
        await ClickAsync(new { verb = "goal.add", title = "Learn Go", why = "backend", measure = "ship a service", targetDate = "2020-01-01" }, cardId: "form-1");

        var update = Assert.Single(_bot.Connector.Requests, r => r.Method == "PUT");
        Assert.Contains("The target date is in the past.", update.Body, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"Learn Go\"", update.Body, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"ship a service\"", update.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalButtons_UpdateProgressThenComplete_ShowsOnBragSheet()
    {
        await SayAsync("add goal Learn Kusto");
        var goal = Assert.Single(await _bot.Services.GetRequiredService<IGoalStore>().ListGoalsAsync(Activities.UserAadId, CancellationToken.None));

        await ClickAsync(new { verb = "goal.progress", goalId = goal.Id, percent = "250", note = "first module" }, cardId: "progress-1");
        using (var rejected = JsonDocument.Parse(Assert.Single(_bot.Connector.Requests, r => r.Method == "PUT").Body))
        {
            var body = rejected.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray().ToList();
            Assert.Contains(body, e => e.TryGetProperty("text", out var t) && t.GetString() == "Progress is a number from 0 to 100.");
            Assert.Contains(body, e => e.TryGetProperty("id", out var id) && id.GetString() == "note" && e.GetProperty("value").GetString() == "first module");
        }

        await ClickAsync(new { verb = "goal.progress", goalId = goal.Id, percent = "60", note = "first module" }, cardId: "progress-1");
        await ClickAsync(new { verb = "goal.add", title = "Speak at a meetup", milestones = "Pick a topic\nBook a slot", targetDate = "" }, cardId: "form-1");
        var meetup = (await _bot.Services.GetRequiredService<IGoalStore>().ListGoalsAsync(Activities.UserAadId, CancellationToken.None)).Single(g => g.Title == "Speak at a meetup");
        await ClickAsync(new { verb = "goal.milestone", goalId = meetup.Id, milestoneId = "m1" });
        Assert.Contains("Milestone reached: **Pick a topic**", LastPosted(), StringComparison.Ordinal);
        await ClickAsync(new { verb = "goal.complete", goalId = goal.Id });
        Assert.Contains("Completed: Learn Kusto", LastPosted(), StringComparison.Ordinal);

        await SayAsync("wins");
        Assert.Contains("Completed goal: Learn Kusto", LastPosted(), StringComparison.Ordinal);
        Assert.Contains("Milestone: Pick a topic (Speak at a meetup)", LastPosted(), StringComparison.Ordinal);
        var stored = (await _bot.Services.GetRequiredService<IGoalStore>().ListGoalsAsync(Activities.UserAadId, CancellationToken.None)).Single(g => g.Id == goal.Id);
        Assert.Equal([60, 100], stored.History.Select(h => h.Percent));
    }

    [Fact]
    public async Task ExportMyData_LinkServesJsonAndCsv_TamperedLinkIs404()
    {
        await SayAsync("add goal Learn Kusto");
        await SayAsync("export my data");

        using var card = JsonDocument.Parse(LastPosted());
        var actions = card.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions");
        var jsonUrl = new Uri(actions[0].GetProperty("url").GetString()!);
        var csvUrl = new Uri(actions[1].GetProperty("url").GetString()!);

        var raw = await _bot.Client.GetStringAsync(jsonUrl.PathAndQuery);
        var json = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(Activities.UserAadId, json.GetProperty("userId").GetString());
        Assert.Equal("Learn Kusto", json.GetProperty("goals")[0].GetProperty("title").GetString());
        Assert.Equal("active", json.GetProperty("goals")[0].GetProperty("status").GetString()); // words, not enum numbers
        Assert.DoesNotContain("\"version\"", raw, StringComparison.Ordinal); // no storage internals
        Assert.DoesNotContain("W/\\\"datetime", raw, StringComparison.Ordinal);
        var csv = await _bot.Client.GetAsync(csvUrl.PathAndQuery);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", csv.Content.Headers.ContentType?.CharSet);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("goal,", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        var tampered = jsonUrl.PathAndQuery.Replace("/json", "x/json", StringComparison.Ordinal);
        var rejected = await _bot.Client.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DeleteMyData_AsksFirst_ThenErasesEverything()
    {
        await SayAsync("add goal Learn Kusto");
        await SayAsync("delete my data");
        Assert.Contains("Delete all your data?", LastPosted(), StringComparison.Ordinal);
        var store = _bot.Services.GetRequiredService<IGoalStore>();

        // A confirmation card from days ago erases nothing.
        await ClickAsync(new { verb = "data.erase", requestedAt = TimeProvider.System.GetUtcNow().AddDays(-2).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }, cardId: "old-confirm");
        Assert.Contains("expired, so nothing was deleted", Assert.Single(_bot.Connector.Requests, r => r.Method == "PUT").Body, StringComparison.Ordinal);
        Assert.NotEmpty(await store.ListGoalsAsync(Activities.UserAadId, CancellationToken.None));

        await ClickAsync(new { verb = "data.erase", requestedAt = RequestedAt(LastPosted()) }, cardId: "confirm-1");

        Assert.Contains("Done: ", _bot.Connector.Requests.Last(r => r.Method == "PUT").Body, StringComparison.Ordinal);
        Assert.Empty(await store.ListGoalsAsync(Activities.UserAadId, CancellationToken.None));
    }

    [Fact]
    public async Task WinsAndFeedback_AfterACheckin_ShowWhatWasSaid()
    {
        await SayAsync("check in");
        foreach (var answer in new[] { "4", "Shipped the importer", "skip", "skip", "no", "the rollout plan", "private" })
            await SayAsync(answer);

        await SayAsync("wins");
        Assert.Contains("Shipped the importer", LastPosted(), StringComparison.Ordinal);
        await SayAsync("feedback");
        Assert.Contains("the rollout plan (kept private", LastPosted(), StringComparison.Ordinal);
    }
}
