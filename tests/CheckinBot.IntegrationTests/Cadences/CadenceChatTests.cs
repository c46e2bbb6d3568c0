using System.Net;
using System.Net.Http.Json;
using CheckinBot.Core.Cadences;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Cadences;

/// <summary><c>cadences</c> in chat: HR sees the list with the next run and can pause; everyone else is told it is HR's.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CadenceChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite, new BotHostOptions
    {
        Settings = new Dictionary<string, string?> { ["Hr:AdminUserIds:0"] = Activities.UserAadId },
        AlexInstalled = false,
        BackgroundWork = false, // the test plans and sends a run itself, rather than wait for the workers
    });

    public async Task InitializeAsync()
    {
        await _bot.InitializeAsync();
        await _bot.Services.GetRequiredService<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "weekly-growth",
            Name = "Weekly growth",
            Audience = new CadenceAudience { Everyone = true },
            // Starting in two months: the host's scheduled planner must not send today's cycle to Alex mid-test.
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin",
                StartDate = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(60) },
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Hr_SeesCadencesWithTheNextRun_AndCanPause_OthersAreToldItIsForHr()
    {
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "cadences"));
        var list = _bot.Connector.PostedActivities[^1].GetRawText();
        Assert.Contains("Weekly growth", list, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", list, StringComparison.Ordinal);
        Assert.Contains("Pause Weekly growth", list, StringComparison.Ordinal);

        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "", value: new { verb = "cadence.pause", cadenceId = "weekly-growth" }, replyToId: "list-1"));
        Assert.False((await _bot.Services.GetRequiredService<ICadenceStore>().FindAsync("weekly-growth", CancellationToken.None))!.Active);
        Assert.Contains("Resume Weekly growth", _bot.Connector.Requests.Last(r => r.Method == "PUT").Body, StringComparison.Ordinal);

        var notHr = Activities.Base("message", _bot.Connector.ServiceUrl, null) with
        {
            Text = "cadences",
            From = new Activities.Account("user-id-1", "Megan Bowen", "00000000-0000-0000-0000-0000000000021"),
        };
        await PostAsync(notHr);
        Assert.Contains("managed by HR", _bot.Connector.PostedActivities[^1].GetRawText(), StringComparison.Ordinal);
        await PostAsync(notHr with { Text = "", Value = new { verb = "cadence.resume", cadenceId = "weekly-growth" } });
        Assert.False((await _bot.Services.GetRequiredService<ICadenceStore>().FindAsync("weekly-growth", CancellationToken.None))!.Active);
    }

    [Fact]
    public async Task Hr_PreviewsACadence_FromItsCard_BeforeAnythingIsSent()
    {
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "cadences"));
        Assert.Contains("\"verb\":\"cadence.preview\"", _bot.Connector.PostedActivities[^1].GetRawText(), StringComparison.Ordinal);

        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "", value: new { verb = "cadence.preview", cadenceId = "weekly-growth" }, replyToId: "list-1"));

        var preview = _bot.Connector.PostedActivities[^1].GetRawText();
        Assert.Contains("Preview: Weekly growth", preview, StringComparison.Ordinal);
        Assert.Contains("20 people in the audience", preview, StringComparison.Ordinal); // samples/org.csv
        Assert.Contains("No occurrence in these weeks.", preview, StringComparison.Ordinal); // it starts in two months
    }

    [Fact]
    public async Task Hr_CreatesACadenceWithTheForm_ARejectedSaveKeepsWhatWasTyped_TheListShowsTheLastRun()
    {
        var typed = new Dictionary<string, object?>
        {
            ["verb"] = "cadence.save", ["cadence.name"] = "Monthly career chat", ["cadence.frequency"] = "monthly", ["cadence.dayOfWeek"] = "Tuesday",
            ["cadence.weekOfMonth"] = "-1", ["cadence.localTime"] = "25:00", ["cadence.timeZone"] = "Europe/Berlin", ["cadence.everyone"] = "false", ["cadence.departments"] = "Sales, Operations",
            ["cadence.remindAfterHours"] = "48", ["cadence.remindMax"] = "1", ["cadence.skipDates"] = "2026-12-29",
            ["cadence.adapt"] = "true", ["cadence.lightSet"] = "pulse-for-tired-weeks", ["cadence.mayStepDown"] = "true", ["cadence.floor"] = "fortnightly",
        };
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "", value: typed, replyToId: "form-1"));
        var rejected = _bot.Connector.Requests.Last(r => r.Method == "PUT").Body;
        Assert.Contains("Use a 24-hour time", rejected, StringComparison.Ordinal);
        Assert.Contains("Monthly career chat", rejected, StringComparison.Ordinal);
        Assert.Contains("2026-12-29", rejected, StringComparison.Ordinal);
        Assert.Contains("There is no question set 'pulse-for-tired-weeks' for the light form", System.Text.RegularExpressions.Regex.Unescape(rejected), StringComparison.Ordinal);
        Assert.Null(await _bot.Services.GetRequiredService<ICadenceStore>().FindAsync("monthly-career-chat", CancellationToken.None));

        var pulse = new { id = "pulse-for-tired-weeks", name = "Pulse", questions = new object[] { new { id = "ok", kind = "yesNo", prompt = "All good this week?" } } };
        Assert.Equal(System.Net.HttpStatusCode.Created, (await _bot.Client.PostAsJsonAsync("/api/admin/question-sets", pulse)).StatusCode);
        typed["cadence.localTime"] = "10:00";
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "", value: typed, replyToId: "form-1"));
        Assert.Contains("Saved: Monthly career chat.", _bot.Connector.Requests.Last(r => r.Method == "PUT").Body, StringComparison.Ordinal);
        var saved = (await _bot.Services.GetRequiredService<ICadenceStore>().FindAsync("monthly-career-chat", CancellationToken.None))!;
        Assert.Equal((CadenceFrequency.Monthly, DayOfWeek.Tuesday, -1, "10:00"), (saved.Schedule.Frequency, saved.Schedule.DayOfWeek!.Value, saved.Schedule.WeekOfMonth!.Value, saved.Schedule.LocalTime));
        Assert.Equal((48, 1), (saved.Reminder.AfterHours, saved.Reminder.Max));
        Assert.Equal([new DateOnly(2026, 12, 29)], saved.Schedule.SkipDates);
        Assert.Equal(["Sales", "Operations"], saved.Audience.Departments);
        Assert.Equal(new CheckinBot.Core.Fatigue.CadenceAdaptation { Enabled = true, LightQuestionSetId = "pulse-for-tired-weeks", MayChangeFrequency = true, Floor = CheckinBot.Core.Fatigue.AdaptationFloor.Fortnightly }, saved.Adaptation);
        var retire = await _bot.Client.DeleteAsync("/api/admin/question-sets/pulse-for-tired-weeks"); // the light form is asked too
        Assert.Equal(System.Net.HttpStatusCode.Conflict, retire.StatusCode);
        Assert.Contains("Monthly career chat", await retire.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var runs = _bot.Services.GetRequiredService<CheckinBot.Core.Runs.RunService>();
        var run = await runs.StartAsync("monthly-career-chat", runId: null, force: false, CancellationToken.None);
        await runs.PlanAsync(run.RunId!, CancellationToken.None);
        var chunks = (await _bot.Get<CheckinBot.Core.Runs.IRunStore>().FindRunAsync(run.RunId!, CancellationToken.None))!.Chunks;
        for (var chunk = 0; chunk < chunks; chunk++)
            Assert.Null(await _bot.Get<CheckinBot.Core.Runs.ChunkSender>().SendChunkAsync(run.RunId!, chunk, CancellationToken.None)); // done: nobody installed the bot
        Assert.NotNull((await runs.ProgressAsync(run.RunId!, CancellationToken.None))!.CompletedAt);
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "cadences"));
        var list = _bot.Connector.PostedActivities[^1].GetRawText();
        Assert.Contains("Monthly career chat", list, StringComparison.Ordinal);
        Assert.Contains("on the last Tuesday at 10:00", list, StringComparison.Ordinal);
        Assert.Contains("0 of 8 sent, 8 unreachable", list, StringComparison.Ordinal); // Sales and Operations; none installed the bot
        Assert.Contains("light form: pulse-for-tired-weeks; may ask less often, down to fortnightly; 0 on lighter check-ins now", list, StringComparison.Ordinal);
        Assert.Contains("finished", list, StringComparison.Ordinal);
    }

    private Task PostAsync(object activity) => _bot.PostAsync(activity);
}
