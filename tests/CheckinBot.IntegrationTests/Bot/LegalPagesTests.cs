using System.Net;
using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>The privacy and terms pages the manifest links are served by the bot, naming the organisation and whom to ask.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LegalPagesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite, new BotHostOptions
    {
        AlexInstalled = false,
        Settings = new Dictionary<string, string?> { ["Legal:Organisation"] = "Contoso <Ltd>", ["Legal:Contact"] = "privacy@contoso.example", ["Hr:MinGroupSize"] = "7" },
    });

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData("/privacy", "groups of at least 7 people")]
    [InlineData("/privacy", "delete my data")]
    [InlineData("/terms", "provides CheckinBot to its people")]
    public async Task EachPage_IsHtml_AndSaysWhoRunsItAndWhomToAsk(string path, string says)
    {
        var response = await _bot.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(says, page, StringComparison.Ordinal);
        Assert.Contains("Contoso &lt;Ltd&gt;", page, StringComparison.Ordinal); // encoded, never markup from a setting
        Assert.Contains("privacy@contoso.example", page, StringComparison.Ordinal);
    }
}
