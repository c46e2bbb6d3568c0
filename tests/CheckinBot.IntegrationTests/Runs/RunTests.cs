using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>HR's "run now" through the admin API, the shared queue (Azurite) and the connector: each person once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Alex has the bot (the rest of samples/org.csv does not), and is HR here, to read the run in stats.
    private readonly BotHost _bot = new(azurite, new BotHostOptions { Settings = new Dictionary<string, string?> { ["Hr:AdminUserIds:0"] = Activities.UserAadId } });

    public async Task InitializeAsync()
    {
        await _bot.InitializeAsync();
        var cadence = await SampleCadence.RunNowOnlyJsonAsync();
        Assert.Equal(HttpStatusCode.Created, (await _bot.Client.PostAsync("/api/admin/cadences", new StringContent(cadence, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task RunNow_EveryoneOnce_ReachableGetTheFirstQuestion_OthersAreReportedWithTheReason()
    {
        var started = await _bot.Client.PostAsync("/api/admin/cadences/weekly-growth/run", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;

        var progress = await WaitForCompletionAsync(runId);

        Assert.Equal(20, progress.GetProperty("total").GetInt32()); // samples/org.csv
        Assert.Equal(1, progress.GetProperty("sent").GetInt32());
        Assert.Equal(19, progress.GetProperty("unreachable").GetInt32());
        Assert.Equal(0, progress.GetProperty("pending").GetInt32());
        var question = Assert.Single(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("Time for your Weekly growth check-in", StringComparison.Ordinal));
        Assert.Contains("How energised", question.GetRawText(), StringComparison.Ordinal);
        var draft = await _bot.Services.GetRequiredService<CheckinService>().FindDraftAsync(Activities.UserAadId, CancellationToken.None);
        Assert.Equal($"weekly-growth:run-{runId}", draft!.OccurrenceId);

        // Redelivered work (a crash after the send) finds the recipient done and sends nothing more.
        var alex = await _bot.Services.GetRequiredService<IRunRecipientStore>().FindRecipientAsync(runId, Activities.UserAadId, CancellationToken.None);
        Assert.Null(await _bot.Services.GetRequiredService<ChunkSender>().SendChunkAsync(runId, alex!.Chunk, CancellationToken.None));
        Assert.Single(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("Time for your", StringComparison.Ordinal));

        // The person answers the question the scheduled card asked.
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "4"));
        Assert.Contains("What did you learn", _bot.Connector.PostedActivities[^1].GetRawText(), StringComparison.Ordinal);

        // HR's participation figures count the run: one sent, nineteen who have not installed the bot.
        var aggregator = _bot.Services.GetRequiredService<CheckinBot.Core.Insights.MetricsAggregator>();
        await _bot.Services.GetRequiredService<CheckinBot.Core.Insights.MetricsCensusService>().TakeIfDueAsync(CancellationToken.None);
        await aggregator.FoldPendingAsync(CancellationToken.None);
        var metrics = JsonDocument.Parse(await _bot.Client.GetStringAsync("/api/admin/metrics?groupBy=cadence")).RootElement;
        var participation = metrics.GetProperty("total").GetProperty("participation");
        Assert.Equal((1, 19, 0), (participation.GetProperty("sent").GetInt32(), participation.GetProperty("unreachable").GetProperty("notInstalled").GetInt32(),
            participation.GetProperty("completed").GetInt32()));
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "cancel")); // the check-in waits; stats next
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "stats"));
        var stats = _bot.LastPosted();
        Assert.Contains("Check-ins that could not be delivered", stats, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"19\",\"value\":\"not installed: install CheckinBot for them", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNow_AsksTheLatestVersionOfTheCadencesQuestionSet()
    {
        var pulse = new { id = "pulse", name = "Pulse", questions = new object[] { new { id = "ok", kind = "yesNo", prompt = "All good this week?" } } };
        Assert.Equal(HttpStatusCode.Created, (await _bot.Client.PostAsJsonAsync("/api/admin/question-sets", pulse)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bot.Client.PutAsJsonAsync("/api/admin/question-sets/pulse",
            new { pulse.name, questions = new object[] { new { id = "ok", kind = "yesNo", prompt = "Still all good?" } } })).StatusCode);
        var cadence = JsonSerializer.Deserialize<Dictionary<string, object?>>(await SampleCadence.RunNowOnlyJsonAsync())!;
        cadence["questionSetId"] = "pulse";
        Assert.Equal(HttpStatusCode.OK, (await _bot.Client.PutAsJsonAsync("/api/admin/cadences/weekly-growth", cadence)).StatusCode);

        await WaitForCompletionAsync(await StartRunAsync());

        var question = Assert.Single(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("Time for your", StringComparison.Ordinal)).GetRawText();
        Assert.Contains("Still all good?", question, StringComparison.Ordinal);
        var draft = await _bot.Services.GetRequiredService<CheckinService>().FindDraftAsync(Activities.UserAadId, CancellationToken.None);
        Assert.Equal(("pulse", 2), (draft!.QuestionSetId, draft.QuestionSetVersion));
    }

    [Fact]
    public async Task RunNow_AgainSoonAfter_Is409UntilForced_AndSaysWhenItWentOut()
    {
        await WaitForCompletionAsync(await StartRunAsync());

        var again = await _bot.Client.PostAsync("/api/admin/cadences/weekly-growth/run", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("?force=true", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var forced = await _bot.Client.PostAsync("/api/admin/cadences/weekly-growth/run?force=true", null);
        Assert.Equal(HttpStatusCode.Accepted, forced.StatusCode);
        var body = JsonDocument.Parse(await forced.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(20, body.GetProperty("audience").GetInt32());
        await WaitForCompletionAsync(body.GetProperty("runId").GetString()!);
        Assert.Single(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("Time for your", StringComparison.Ordinal)); // Alex still has it open
    }

    [Fact]
    public async Task RunNow_TeamsAnswerLostAfterTheSend_IsUnconfirmed_AndNeverSentAgain()
    {
        _bot.Connector.Enqueue(504); // a gateway gave up waiting for Teams: the question may or may not have arrived
        var runId = await StartRunAsync();

        var progress = await WaitForCompletionAsync(runId);

        Assert.Equal((0, 1, 19), (progress.GetProperty("sent").GetInt32(), progress.GetProperty("unconfirmed").GetInt32(), progress.GetProperty("unreachable").GetInt32()));
        var alex = (await _bot.Services.GetRequiredService<IRunRecipientStore>().FindRecipientAsync(runId, Activities.UserAadId, CancellationToken.None))!;
        Assert.Equal(RecipientStatus.Unconfirmed, alex.Status);
        Assert.Null(await _bot.Services.GetRequiredService<ChunkSender>().SendChunkAsync(runId, alex.Chunk, CancellationToken.None)); // redelivered
        Assert.Single(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("Time for your", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunNow_PeopleWhoCannotBeReached_GetNothingWrittenForThem()
    {
        var progress = await WaitForCompletionAsync(await StartRunAsync());

        Assert.Equal(19, progress.GetProperty("unreachable").GetInt32());
        var checkins = _bot.Services.GetRequiredService<CheckinService>();
        Assert.NotNull(await checkins.FindDraftAsync(Activities.UserAadId, CancellationToken.None));
        Assert.Null(await checkins.FindDraftAsync("00000000-0000-0000-0000-0000000000021", CancellationToken.None)); // Megan never installed the bot
    }

    private async Task<string> StartRunAsync()
    {
        var started = await _bot.Client.PostAsync("/api/admin/cadences/weekly-growth/run", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;
    }

    [Fact]
    public async Task RunOfAPausedCadence_Is409LikeInChat_AndUnknownIdsAre404()
    {
        var paused = await SampleCadence.RunNowOnlyJsonAsync(active: false);
        await _bot.Client.PutAsync("/api/admin/cadences/weekly-growth", new StringContent(paused, System.Text.Encoding.UTF8, "application/json"));

        var refused = await _bot.Client.PostAsync("/api/admin/cadences/weekly-growth/run", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("paused", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.PostAsync("/api/admin/cadences/nope/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.GetAsync("/api/admin/runs/nope")).StatusCode);
    }

    private Task<JsonElement> WaitForCompletionAsync(string runId) =>
        Eventually.ReadAsync(async () => JsonDocument.Parse(await _bot.Client.GetStringAsync($"/api/admin/runs/{runId}")).RootElement,
            progress => progress.GetProperty("completedAt").ValueKind != JsonValueKind.Null, $"run {runId} to complete", TimeSpan.FromSeconds(30));

    private Task PostAsync(object activity) => _bot.PostAsync(activity);
}
