using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Org;

[Collection(AzuriteCollection.Name)]
public sealed class OrgDirectoryFileTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task MissingOrgCsv_StopsStartUp_NamingThePath()
    {
        await using var factory = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["OrgDirectory:FilePath"] = "no/such/org.csv" });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("no/such/org.csv", error.ToString(), StringComparison.Ordinal);
    }
}
