using System.Net;
using System.Net.Http.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.TestKit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>When storage fails past its own retries, the person is told plainly that nothing was saved.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotApplicationFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _factory = new BotApplicationFactory(azurite);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task CheckIn_WhileGrowthLogIsDown_SaysNothingWasSavedAndAsksToResend()
    {
        var down = new Mock<ICheckinStore>();
        down.Setup(s => s.FindDraftAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.RequestFailedException(503, "Service unavailable"));
        using var client = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(down.Object))).CreateClient();

        var response = await client.PostAsJsonAsync("/api/messages", Activities.Message(_connector.ServiceUrl, "check in"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await _connector.WaitForPostedActivitiesAsync(1);
        Assert.Contains(posted, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("nothing changed", StringComparison.Ordinal));
        down.Verify(s => s.TrySaveDraftAsync(It.IsAny<CheckinDraft>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
