using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests;

/// <summary>HR's "run now" through the admin API, the shared queue (Azurite) and the connector: each person once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotApplicationFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _factory = new BotApplicationFactory(azurite);
        _client = _factory.CreateClient();
        await PostAsync(Activities.InstallationUpdate(_connector.ServiceUrl)); // Alex has the bot; the rest of samples/org.csv does not
        var cadence = await SampleCadence.RunNowOnlyJsonAsync();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/api/admin/cadences", new StringContent(cadence, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task RunNow_EveryoneOnce_ReachableGetTheFirstQuestion_OthersAreReportedWithTheReason()
    {
        var started = await _client.PostAsync("/api/admin/cadences/weekly-growth/run", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;

        var progress = await WaitForCompletionAsync(runId);

        Assert.Equal(20, progress.GetProperty("total").GetInt32()); // samples/org.csv
        Assert.Equal(1, progress.GetProperty("sent").GetInt32());
        Assert.Equal(19, progress.GetProperty("unreachable").GetInt32());
        Assert.Equal(0, progress.GetProperty("pending").GetInt32());
        var question = Assert.Single(_connector.PostedActivities, a => a.GetRawText().Contains("Time for your Weekly growth check-in", StringComparison.Ordinal));
        Assert.Contains("How energised", question.GetRawText(), StringComparison.Ordinal);
        var draft = await _factory.Services.GetRequiredService<CheckinService>().FindDraftAsync(Activities.UserAadId, CancellationToken.None);
        Assert.Equal($"weekly-growth:run-{runId}", draft!.OccurrenceId);

        // Redelivered work (a crash after the send) finds the recipient done and sends nothing more.
        var alex = await _factory.Services.GetRequiredService<IRunStore>().FindRecipientAsync(runId, Activities.UserAadId, CancellationToken.None);
        Assert.Null(await _factory.Services.GetRequiredService<RunService>().SendChunkAsync(runId, alex!.Chunk, CancellationToken.None));
        Assert.Single(_connector.PostedActivities, a => a.GetRawText().Contains("Time for your", StringComparison.Ordinal));

        // The person answers the question the scheduled card asked.
        await PostAsync(Activities.Message(_connector.ServiceUrl, "4"));
        Assert.Contains("What did you learn", _connector.PostedActivities[^1].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOfAPausedCadence_SendsNothing_AndUnknownIdsAre404()
    {
        var paused = await SampleCadence.RunNowOnlyJsonAsync(active: false);
        await _client.PutAsync("/api/admin/cadences/weekly-growth", new StringContent(paused, System.Text.Encoding.UTF8, "application/json"));
        var runId = JsonDocument.Parse(await (await _client.PostAsync("/api/admin/cadences/weekly-growth/run", null)).Content.ReadAsStringAsync()).RootElement.GetProperty("runId").GetString()!;

        var progress = await WaitForCompletionAsync(runId);

        Assert.Equal(20, progress.GetProperty("skipped").GetInt32());
        Assert.DoesNotContain(_connector.PostedActivities, a => a.GetRawText().Contains("Time for your", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/api/admin/cadences/nope/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/admin/runs/nope")).StatusCode);
    }

    private async Task<JsonElement> WaitForCompletionAsync(string runId)
    {
        for (var i = 0; i < 300; i++)
        {
            var progress = JsonDocument.Parse(await _client.GetStringAsync($"/api/admin/runs/{runId}")).RootElement;
            if (progress.GetProperty("completedAt").ValueKind != JsonValueKind.Null)
                return progress;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Run {runId} did not complete.");
    }

    private async Task PostAsync(object activity) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages", activity)).StatusCode);
}
