using CheckinBot.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CheckinBot.IntegrationTests;

/// <summary>Authentication configuration fails safe: the host refuses to start rather than trust every caller.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupSafetyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Production_WithoutAppId_RefusesToStart_UnlessExplicitlyAllowed()
    {
        await using (var refused = new BotApplicationFactory(azurite))
        {
            var host = refused.WithWebHostBuilder(b => b.UseEnvironment("Production"));
            var error = Assert.ThrowsAny<Exception>(() => host.Server);
            Assert.Contains("Bot:DangerouslyAllowUnauthenticatedInProduction", error.ToString(), StringComparison.Ordinal);
        }

        await using var allowed = new BotApplicationFactory(azurite, new Dictionary<string, string?> { ["Bot:DangerouslyAllowUnauthenticatedInProduction"] = "true" });
        Assert.NotNull(allowed.WithWebHostBuilder(b => b.UseEnvironment("Production")).Server);
    }

    [Fact]
    public async Task MultiTenantBot_NamingNoTenants_RefusesToStart()
    {
        await using var factory = new BotApplicationFactory(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "11111111-2222-3333-4444-555555555555",
            ["Bot:AppType"] = "MultiTenant",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Bot:AllowedTenants", error.ToString(), StringComparison.Ordinal);
    }
}
