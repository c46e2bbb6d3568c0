using System.Text.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Cadences;

/// <summary>
/// samples/onboarding-journey.json (days 1, 30, 60, 90, 09:30) over the sample org's hire dates: Alex was hired on
/// Friday 30 October 2026 (day 30 is Sunday 29 November, so Monday 30 November), Isaiah on 2 November (day 30 on
/// Wednesday 2 December), Emily on 14 September (day 90 is Sunday 13 December, so Monday 14), Lynne, Megan and Diego
/// long ago (past day 90), Irvin in January 2027 (not yet); the rest have none.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class JourneyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Isaiah = "00000000-0000-0000-0000-0000000000023";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero)); // Monday, before 09:30 in Berlin
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        await _bot.InitializeAsync();
        await _bot.AddSampleJourneyAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task ThePreview_PlacesEachPersonOnTheirStep_AndThePlannerSendsJustThat()
    {
        var preview = JsonDocument.Parse(await _bot.Client.GetStringAsync("/api/admin/cadences/onboarding/preview?from=2026-11-30&to=2026-12-31&pageSize=100")).RootElement;

        Assert.Equal(13, preview.GetProperty("noHireDate").GetInt32()); // 20 people, 7 with a hire date
        var steps = preview.GetProperty("lines").EnumerateArray().Where(l => l.TryGetProperty("journeyDay", out _))
            .Select(l => (l.GetProperty("name").GetString(), l.GetProperty("date").GetString(), l.GetProperty("journeyDay").GetInt32(), l.GetProperty("questionSetId").GetString())).ToList();
        Assert.Equal([("Alex Wilber", "2026-11-30", 30, "onboarding-30"), ("Isaiah Langer", "2026-12-02", 30, "onboarding-30"), ("Emily Braun", "2026-12-14", 90, "onboarding-90"),
            ("Alex Wilber", "2026-12-29", 60, "onboarding-60")],
            steps.OrderBy(s => s.Item2));
        Assert.Equal(["2026-11-30", "2026-12-02", "2026-12-14", "2026-12-29"], preview.GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("date").GetString()));
        Assert.Equal(1, preview.GetProperty("questionSetVersions").GetProperty("onboarding-30").GetInt32());

        // The planner plans the working days within a day of today: Alex today, nobody else (Isaiah's step is Wednesday).
        Assert.Equal(1, await _bot.Get<CadencePlanner>().PlanDueAsync(CancellationToken.None));
        var alex = await _bot.Get<IRunRecipientStore>().FindRecipientAsync("onboarding-20261130", Activities.UserAadId, CancellationToken.None);
        Assert.Equal(("onboarding:day-30", new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.Zero)), (alex!.OccurrenceId, alex.DueAt));

        _time.SetUtcNow(alex.DueAt!.Value);
        Assert.Null(await _bot.Get<ChunkSender>().SendChunkAsync(alex.RunId, alex.Chunk, CancellationToken.None));
        Assert.Contains("How do you feel 30 days in?", _bot.LastPosted(), StringComparison.Ordinal);
        var draft = await _bot.Get<CheckinService>().FindDraftAsync(Activities.UserAadId, CancellationToken.None);
        Assert.Equal(("onboarding-30", "onboarding:day-30"), (draft!.QuestionSetId, draft.OccurrenceId));
    }

    [Fact]
    public async Task AJourneysPreview_SpansItsLongestStepPlusAWeek_SoAWholePathFitsOneView()
    {
        // Emily was hired on 14 September: her day 90 is Sunday 13 December, asked on Monday the 14th, day 91.
        var whole = JsonDocument.Parse(await _bot.Client.GetStringAsync("/api/admin/cadences/onboarding/preview?from=2026-09-14&to=2026-12-20&pageSize=100")).RootElement;
        Assert.Contains(whole.GetProperty("lines").EnumerateArray(),
            l => l.GetProperty("name").GetString() == "Emily Braun" && l.GetProperty("journeyDay").GetInt32() == 90 && l.GetProperty("date").GetString() == "2026-12-14");

        var tooLong = await _bot.Client.GetAsync("/api/admin/cadences/onboarding/preview?from=2026-09-14&to=2026-12-21");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("at most 98 days", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goals_ShowTheJourneyAsAPath_DayOfLastDay()
    {
        await _bot.SayAsync("goals");

        var card = System.Text.RegularExpressions.Regex.Unescape(_bot.LastPosted());
        Assert.Contains("Onboarding journey: Day 31 of 90", card, StringComparison.Ordinal); // 30 October to 30 November
        Assert.Contains("○ day 30 (30 Nov)", card, StringComparison.Ordinal);
        Assert.Contains("○ day 90 (28 Jan)", card, StringComparison.Ordinal); // 28 January 2027 is a Thursday
    }

    [Fact]
    public async Task AJourneysCycle_IsPlannedAgainAfterAnHour_ForPeopleHiredSince_AndThoseInItStayPut()
    {
        Assert.Equal(1, await _bot.Get<CadencePlanner>().PlanDueAsync(CancellationToken.None));
        var runs = _bot.Get<IRunStore>();
        Assert.Null(await _bot.Get<IRunRecipientStore>().FindRecipientAsync("onboarding-20261201", Isaiah, CancellationToken.None));

        // Within the hour nothing is planned again; after it, the cycles are, and the people already in them stay put.
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await _bot.Get<CadencePlanner>().PlanDueAsync(CancellationToken.None));
        _time.Advance(CadencePlanner.JourneyReplanAfter);
        Assert.Equal(1, await _bot.Get<CadencePlanner>().PlanDueAsync(CancellationToken.None));
        var run = await runs.FindRunAsync("onboarding-20261130", CancellationToken.None);
        Assert.Equal((1, 1), (run!.Total, run.Chunks));
        Assert.Equal(0, (await _bot.Get<IRunRecipientStore>().FindRecipientAsync("onboarding-20261130", Activities.UserAadId, CancellationToken.None))!.Chunk);
    }
}
