using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Fatigue;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Runs;

/// <summary>A scheduled run of a cadence that adapts to fatigue, through storage: a tired person is asked the light set and told why.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FatigueRunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero)); // Monday
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        await _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task ATiredPerson_IsAskedTheLightSet_ToldWhyInOneSentence_AndTheirManagerSeesOnlyThatItIsLighter()
    {
        // The shipped pulse (the library adds it in the background, which this host does not run), created as HR would.
        var pulse = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "question-sets", "two-question-pulse.json"));
        using (var created = await _bot.Client.PostAsync("/api/admin/question-sets", new StringContent(pulse, System.Text.Encoding.UTF8, "application/json")))
            Assert.True(created.IsSuccessStatusCode || created.StatusCode == System.Net.HttpStatusCode.Conflict);
        await _bot.Get<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "monday-growth",
            Name = "Monday growth check-in",
            Audience = new CadenceAudience { UserIds = [Activities.UserAadId] },
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin" },
            Adaptation = new CadenceAdaptation { Enabled = true },
        }, CancellationToken.None);
        // Alex was moved to the light form last week: answered 1 of his last 4.
        await _bot.Get<ICheckinStore>().TrySavePreferencesAsync(new CheckinPreferences
        {
            UserId = Activities.UserAadId,
            Adaptations = [new AdaptationState
            {
                CadenceId = "monday-growth", Form = CheckinForm.Light, LastOccurrenceId = "monday-growth:2026-11-23",
                ChangedAt = new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), Why = "you answered 1 of your last 4 check-ins",
            }],
        }, CancellationToken.None);
        // HR sees it before anything is sent: in the preview (the light set, and how), and in the cadences list's count.
        var preview = System.Text.Json.JsonDocument.Parse(await _bot.Client.GetStringAsync("/api/admin/cadences/monday-growth/preview?from=2026-11-30&to=2026-11-30")).RootElement;
        var line = preview.GetProperty("lines")[0];
        Assert.Equal(("light form", CadenceAdaptation.DefaultLightQuestionSetId), (line.GetProperty("adaptation").GetString(), line.GetProperty("questionSetId").GetString()));
        Assert.Equal(1, preview.GetProperty("occurrences")[0].GetProperty("lighter").GetInt32());
        Assert.Equal(1, (await _bot.Get<FatigueService>().LighterByCadenceAsync(CancellationToken.None))["monday-growth"]);
        Assert.Equal(1, await _bot.Get<CadencePlanner>().PlanDueAsync(CancellationToken.None));
        var alex = (await _bot.Get<IRunRecipientStore>().FindRecipientAsync("monday-growth-20261130", Activities.UserAadId, CancellationToken.None))!;

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 31, 0, TimeSpan.Zero));
        Assert.Null(await _bot.Get<ChunkSender>().SendChunkAsync("monday-growth-20261130", alex.Chunk, CancellationToken.None));

        Assert.Equal(CadenceAdaptation.DefaultLightQuestionSetId, (await _bot.Get<CheckinService>().FindDraftAsync(Activities.UserAadId, CancellationToken.None))!.QuestionSetId);
        var question = System.Text.RegularExpressions.Regex.Unescape(_bot.LastPosted());
        Assert.Contains("Time for your Monday growth check-in. This one is shorter: you answered 1 of your last 4 check-ins. Say **full check-ins** to go back", question, StringComparison.Ordinal);

        var team = await _bot.Get<TeamService>().TeamAsync(BotHost.Megan, CancellationToken.None);
        Assert.True(Assert.Single(team, m => m.Person.Id == Activities.UserAadId).LighterCheckins);

        await _bot.SayAsync("cancel");
        await _bot.SayAsync("full check-ins");
        Assert.Contains("Back to full check-ins.", _bot.LastPosted(), StringComparison.Ordinal);
        Assert.False(Assert.Single(await _bot.Get<TeamService>().TeamAsync(BotHost.Megan, CancellationToken.None), m => m.Person.Id == Activities.UserAadId).LighterCheckins);
    }
}
