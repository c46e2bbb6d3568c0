using System.Net;
using System.Net.Http.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>When storage fails past its own retries, the person is told plainly that nothing was saved.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Mock<ICheckinStore> _down = new();
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _down.Setup(s => s.FindDraftAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.RequestFailedException(503, "Service unavailable"));
        _bot = new BotHost(azurite, new BotHostOptions { AlexInstalled = false, Services = s => s.AddSingleton(_down.Object) });
        return _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task CheckIn_WhileGrowthLogIsDown_SaysNothingWasSavedAndAsksToResend()
    {
        var response = await _bot.Client.PostAsJsonAsync("/api/messages", Activities.Message(_bot.Connector.ServiceUrl, "check in"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var posted = await _bot.Connector.WaitForPostedActivitiesAsync(1);
        Assert.Contains(posted, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("nothing changed", StringComparison.Ordinal));
        _down.Verify(s => s.TrySaveDraftAsync(It.IsAny<CheckinDraft>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
