using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Org;

[Collection(AzuriteCollection.Name)]
public sealed class OrgDirectoryFileTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task MissingOrgCsv_StopsStartUp_NamingThePath()
    {
        await using var bot = new BotHost(azurite, new BotHostOptions
        {
            AlexInstalled = false,
            Settings = new Dictionary<string, string?> { ["OrgDirectory:FilePath"] = "no/such/org.csv" },
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(bot.InitializeAsync);

        Assert.Contains("no/such/org.csv", error.ToString(), StringComparison.Ordinal);
    }
}
