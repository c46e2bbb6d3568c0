using System.Net;
using System.Text.Json;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Cadences;

/// <summary>
/// <c>GET /api/admin/cadences/{id}/preview</c> for samples/cadence.json (Mondays 09:30, Europe/Berlin) over the sample
/// org, compared with what the planner then plans for the first Monday: the same people at the same moments.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CadencePreviewTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero)); // a Monday, early
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time));
        await _bot.InitializeAsync();
        var cadence = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "cadence.json"));
        Assert.Equal(HttpStatusCode.Created, (await _bot.Client.PostAsync("/api/admin/cadences", new StringContent(cadence, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    private async Task<JsonElement> PreviewAsync(string query) =>
        JsonDocument.Parse(await _bot.Client.GetStringAsync("/api/admin/cadences/weekly-growth/preview?" + query)).RootElement.Clone();

    [Fact]
    public async Task ThePreview_CountsFirst_ThenPeople_AndMatchesWhatThePlannerPlans()
    {
        var preview = await PreviewAsync("from=2026-11-23&to=2026-12-06&pageSize=500");

        Assert.Equal(("default", 1, 20), (preview.GetProperty("questionSetId").GetString(), preview.GetProperty("questionSetVersion").GetInt32(), preview.GetProperty("people").GetInt32()));
        var occurrences = preview.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal(["2026-11-23", "2026-11-30"], occurrences.Select(o => o.GetProperty("date").GetString()));
        // Only Alex has the bot; on the first Monday one person's 09:30 (far east) had passed by more than six hours.
        Assert.Equal([(1, 18, 1), (1, 19, 0)], occurrences.Select(o => (o.GetProperty("due").GetInt32(), o.GetProperty("leftOut").GetProperty("notInstalled").GetInt32(),
            o.GetProperty("leftOut").TryGetProperty("missed", out var missed) ? missed.GetInt32() : 0)));
        var alex = preview.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("userId").GetString() == Activities.UserAadId);
        Assert.Equal(("09:30:00", "Europe/Berlin", "2026-11-23T08:30:00+00:00"),
            (alex.GetProperty("localTime").GetString(), alex.GetProperty("timeZone").GetString(), alex.GetProperty("dueAtUtc").GetString()));

        var firstMonday = preview.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("date").GetString() == "2026-11-23").ToList();
        var missed = firstMonday.Count(l => LeftOut(l) == "missed");
        Assert.True(missed > 0, "someone east of UTC+6 whose 09:30 had passed by 06:00 UTC (samples/org.csv)");

        Assert.Equal(20 - missed, await _bot.Get<CadencePlanner>().PlanDueAsync(CancellationToken.None));

        var runs = _bot.Get<IRunRecipientStore>();
        foreach (var line in firstMonday)
        {
            var planned = await runs.FindRecipientAsync("weekly-growth-20261123", line.GetProperty("userId").GetString()!, CancellationToken.None);
            if (LeftOut(line) == "missed")
            {
                Assert.Null(planned);
                continue;
            }
            Assert.Equal(line.GetProperty("dueAtUtc").GetDateTimeOffset(), planned!.DueAt);
            Assert.Equal(line.GetProperty("timeZone").GetString(), planned.TimeZone);
        }
    }

    /// <summary>Why a line would not be asked; absent (null) when it would.</summary>
    private static string? LeftOut(JsonElement line) => line.TryGetProperty("leftOut", out var reason) ? reason.GetString() : null;

    [Fact]
    public async Task People_ComeInPages_AndBadParameters_AreNamed()
    {
        var page = await PreviewAsync("from=2026-11-23&to=2026-12-06&page=2&pageSize=5");

        Assert.Equal(10, page.GetProperty("lines").GetArrayLength()); // five people, two Mondays each
        Assert.Equal(20, page.GetProperty("people").GetInt32());
        var bad = await _bot.Client.GetAsync("/api/admin/cadences/weekly-growth/preview?from=2026-12-06&to=2026-11-23");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("from", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.GetAsync("/api/admin/cadences/nothing/preview")).StatusCode);
    }

    [Fact]
    public async Task SomeoneWhoSnoozed_IsLeftOutUntilTheSnoozeEnds()
    {
        await _bot.SayAsync("snooze");
        await _bot.ClickAsync(new { verb = "checkin.snooze", until = "OneDay" });

        var preview = await PreviewAsync("from=2026-11-23&to=2026-12-06&pageSize=500");

        var alex = preview.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("userId").GetString() == Activities.UserAadId).ToList();
        Assert.Equal(["snoozed", null], alex.Select(LeftOut)); // a day from Monday 06:00 covers the first Monday only
        Assert.Equal(1, preview.GetProperty("occurrences")[0].GetProperty("leftOut").GetProperty("snoozed").GetInt32());
    }
}
