using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.QuestionSets;

/// <summary>
/// HR edits question sets over the admin API (local mode: loopback is HR) while Alex checks in over chat: the check-in
/// in progress keeps the version it started with, the next one asks the new question; sets in use cannot be retired.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuestionSetApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        return _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await _bot.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task EditingTheDefaultSet_LeavesACheckinInProgressAsItWas_AndTheNextOneAsksTheNewQuestion()
    {
        await _bot.SayAsync("check in"); // version 1's first question: energy
        var set = await GetAsync("/api/admin/question-sets/default");
        Assert.Equal(1, set.GetProperty("version").GetInt32());
        var questions = JsonSerializer.Deserialize<List<JsonElement>>(set.GetProperty("questions").GetRawText())!;
        questions.Insert(1, JsonSerializer.SerializeToElement(new { id = "area", kind = "choice", prompt = "Which area grew most?", choices = new[] { "Craft", "People", "Impact" } }));

        var saved = await _bot.Client.PutAsJsonAsync("/api/admin/question-sets/default", new { name = "Career growth check-in", questions });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await GetAsync("/api/admin/question-sets/default")).GetProperty("version").GetInt32());
        await _bot.SayAsync("4");
        Assert.Contains("What did you learn", _bot.LastPosted(), StringComparison.Ordinal); // still version 1
        foreach (var answer in new[] { "Shipped the importer", "skip", "skip", "no", "skip", "private" })
            await _bot.SayAsync(answer);

        await _bot.SayAsync("check in");
        await _bot.SayAsync("4");
        Assert.Contains("Which area grew most?", _bot.LastPosted(), StringComparison.Ordinal); // version 2
    }

    [Fact]
    public async Task BadSets_Are400_NamingTheQuestionAndField_AndIdsAreNotTakenTwice()
    {
        var bad = await _bot.Client.PostAsJsonAsync("/api/admin/question-sets", new
        {
            id = "pulse", name = "Pulse",
            questions = new object[] { new { id = "mood", kind = "choice", prompt = "Mood?", choices = new[] { "Fine" } }, new { id = "mood", kind = "yesNo", prompt = "Again?" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("\"mood\"", errors.GetProperty("questions[0].choices")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("questions[1].id", out _));

        var pulse = new { id = "pulse", name = "Pulse", questions = new object[] { new { id = "energy", kind = "scale", prompt = "Energy?", purpose = "energy", lowLabel = "low", highLabel = "high" } } };
        Assert.Equal(HttpStatusCode.Created, (await _bot.Client.PostAsJsonAsync("/api/admin/question-sets", pulse)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _bot.Client.PostAsJsonAsync("/api/admin/question-sets", pulse)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.PutAsJsonAsync("/api/admin/question-sets/nothing", new { pulse.name, pulse.questions })).StatusCode);
    }

    [Fact]
    public async Task ASetACadenceAsks_CannotBeRetired_AndARetiredSet_CannotBeNamedAgain()
    {
        var pulse = new { id = "pulse", name = "Pulse", questions = new object[] { new { id = "ok", kind = "yesNo", prompt = "All good?" } } };
        Assert.Equal(HttpStatusCode.Created, (await _bot.Client.PostAsJsonAsync("/api/admin/question-sets", pulse)).StatusCode);
        var cadence = JsonSerializer.Deserialize<Dictionary<string, object?>>(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "cadence.json")))!;
        cadence["questionSetId"] = "pulse";
        Assert.Equal(HttpStatusCode.Created, (await _bot.Client.PostAsJsonAsync("/api/admin/cadences", cadence)).StatusCode);

        var refused = await _bot.Client.DeleteAsync("/api/admin/question-sets/pulse");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(cadence["name"]!.ToString()!, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await _bot.Client.DeleteAsync("/api/admin/question-sets/default")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _bot.Client.DeleteAsync($"/api/admin/cadences/{cadence["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _bot.Client.DeleteAsync("/api/admin/question-sets/pulse")).StatusCode);
        Assert.True((await GetAsync("/api/admin/question-sets/pulse")).GetProperty("retired").GetBoolean());
        var again = await _bot.Client.PostAsJsonAsync("/api/admin/cadences", cadence);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("questionSetId", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLibrary_AddsTheReadySets_AndLeavesOnesHrEdited()
    {
        await using var bot = new BotHost(azurite, new BotHostOptions()); // with the start-up work: the library loads
        await bot.InitializeAsync();
        var listed = JsonDocument.Parse(await bot.Client.GetStringAsync("/api/admin/question-sets")).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains("monthly-reflection", listed);
        Assert.Contains("onboarding-30", listed);
        var monthly = JsonDocument.Parse(await bot.Client.GetStringAsync("/api/admin/question-sets/monthly-reflection")).RootElement;
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.PutAsJsonAsync("/api/admin/question-sets/monthly-reflection",
            new { name = "Our monthly", questions = monthly.GetProperty("questions") })).StatusCode);

        await bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CheckinBot.Web.QuestionSets.QuestionSetLibrary>().Single().StartAsync(CancellationToken.None);

        var after = JsonDocument.Parse(await bot.Client.GetStringAsync("/api/admin/question-sets/monthly-reflection")).RootElement;
        Assert.Equal(("Our monthly", 2), (after.GetProperty("name").GetString(), after.GetProperty("version").GetInt32()));
    }
}
