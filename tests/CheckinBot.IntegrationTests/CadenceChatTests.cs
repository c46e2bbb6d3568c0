using System.Net;
using System.Net.Http.Json;
using CheckinBot.Core.Cadences;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests;

/// <summary><c>cadences</c> in chat: HR sees the list with the next run and can pause; everyone else is told it is HR's.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CadenceChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotApplicationFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _factory = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["Hr:AdminUserIds:0"] = Activities.UserAadId });
        _client = _factory.CreateClient();
        await _factory.Services.GetRequiredService<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "weekly-growth",
            Name = "Weekly growth",
            Audience = new CadenceAudience { Everyone = true },
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin" },
        }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Hr_SeesCadencesWithTheNextRun_AndCanPause_OthersAreToldItIsForHr()
    {
        await PostAsync(Activities.Message(_connector.ServiceUrl, "cadences"));
        var list = _connector.PostedActivities[^1].GetRawText();
        Assert.Contains("Weekly growth", list, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", list, StringComparison.Ordinal);
        Assert.Contains("Pause Weekly growth", list, StringComparison.Ordinal);

        await PostAsync(Activities.Message(_connector.ServiceUrl, "", value: new { verb = "cadence.pause", cadenceId = "weekly-growth" }, replyToId: "list-1"));
        Assert.False((await _factory.Services.GetRequiredService<ICadenceStore>().FindAsync("weekly-growth", CancellationToken.None))!.Active);
        Assert.Contains("Resume Weekly growth", _connector.Requests.Last(r => r.Method == "PUT").Body, StringComparison.Ordinal);

        var notHr = Activities.Base("message", _connector.ServiceUrl, null) with
        {
            Text = "cadences",
            From = new Activities.Account("user-id-1", "Megan Bowen", "00000000-0000-0000-0000-0000000000021"),
        };
        await PostAsync(notHr);
        Assert.Contains("managed by HR", _connector.PostedActivities[^1].GetRawText(), StringComparison.Ordinal);
        await PostAsync(notHr with { Text = "", Value = new { verb = "cadence.resume", cadenceId = "weekly-growth" } });
        Assert.False((await _factory.Services.GetRequiredService<ICadenceStore>().FindAsync("weekly-growth", CancellationToken.None))!.Active);
    }

    private async Task PostAsync(object activity) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages", activity)).StatusCode);
}
