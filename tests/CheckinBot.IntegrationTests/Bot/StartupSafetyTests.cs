using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>Authentication configuration fails safe: the host refuses to start rather than trust every caller.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupSafetyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Production_WithoutAppId_RefusesToStart_UnlessExplicitlyAllowed()
    {
        await using (var refused = new BotHost(azurite, new BotHostOptions { Environment = "Production", AlexInstalled = false }))
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(refused.InitializeAsync);
            Assert.Contains("Bot:DangerouslyAllowUnauthenticatedInProduction", error.ToString(), StringComparison.Ordinal);
        }

        await using var allowed = new BotHost(azurite, new BotHostOptions
        {
            Environment = "Production",
            AlexInstalled = false,
            Settings = new Dictionary<string, string?> { ["Bot:DangerouslyAllowUnauthenticatedInProduction"] = "true" },
        });
        await allowed.InitializeAsync();
    }

    [Fact]
    public async Task MultiTenantBot_NamingNoTenants_RefusesToStart()
    {
        await using var bot = new BotHost(azurite, new BotHostOptions
        {
            AlexInstalled = false,
            Settings = new Dictionary<string, string?>
            {
                ["Bot:AppId"] = "11111111-2222-3333-4444-555555555555",
                ["Bot:AppType"] = "MultiTenant",
            },
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(bot.InitializeAsync);

        Assert.Contains("Bot:AllowedTenants", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fanout:SendsPerChunk", "0", "Fanout:SendsPerChunk must be between 1 and 64")]
    [InlineData("Fanout:ChunksInFlight", "-1", "Fanout:ChunksInFlight must be between 0 and 64")]
    [InlineData("Fanout:ClaimFor", "00:00:00", "Fanout:ClaimFor must be between")]
    [InlineData("OrgDirectory:SyncInterval", "00:00:00", "OrgDirectory:SyncInterval must be between")]
    [InlineData("Teams:MaxRequestsPerSecond", "0", "Teams:MaxRequestsPerSecond must be between 1 and 1000")]
    [InlineData("Teams:Resilience:MaxRetries", "1000", "Teams:Resilience:MaxRetries must be between 0 and 10")]
    [InlineData("Workday:EndHour", "6", "Workday:EndHour must be later than Workday:StartHour")]
    [InlineData("Feedback:WorkdayEndHour", "6", "Workday:EndHour must be later than Workday:StartHour")] // the old key is still read
    [InlineData("Hr:MinGroupSize", "2", "Hr:MinGroupSize must be between 3 and 1000")]
    [InlineData("Graph:TurnLookupTimeout", "00:00:10", "Graph:TurnLookupTimeout must be between 00:00:00.010 and 00:00:05")]
    public async Task AnAbsurdSetting_StopsStartUp_NamingTheKey(string key, string value, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartProcessAsync(new() { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-guid", "00000000-0000-0000-0000-000000000001", "", "Bot:AppId must be the user-assigned managed identity's client id")]
    [InlineData("11111111-2222-3333-4444-555555555555", "", "", "Bot:TenantId is required")]
    [InlineData("11111111-2222-3333-4444-555555555555", "00000000-0000-0000-0000-000000000001", "a-secret", "Bot:AppPassword must be empty when Bot:AppType=UserAssignedMsi")]
    public async Task AnIncompleteManagedIdentity_StopsStartUp_NamingTheKey(string appId, string tenantId, string password, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartProcessAsync(new()
        {
            ["Bot:AppId"] = appId,
            ["Bot:TenantId"] = tenantId,
            ["Bot:AppPassword"] = password,
            ["Bot:AppType"] = "UserAssignedMsi",
        }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The bot as its own process, as an operator starts it: a start-up that fails exits with its message in the output
    /// (the in-process test host can hide such a failure behind an ObjectDisposedException of its own).
    /// </summary>
    private async Task StartProcessAsync(Dictionary<string, string> settings)
    {
        settings["Storage:ConnectionString"] = azurite.ConnectionString;
        settings["Storage:TablePrefix"] = "s" + Guid.NewGuid().ToString("N")[..10];
        settings["OrgDirectory:FilePath"] = Path.Combine(RepoPaths.Root, "samples", "org.csv");
        await using var bot = await BotProcess.StartAsync(settings);
    }

    [Fact]
    public async Task MalformedExportKeyRow_StopsStartUp_NamingTheRow()
    {
        var prefix = "m" + Guid.NewGuid().ToString("N")[..10];
        await using var bot = new BotHost(azurite, new BotHostOptions { AlexInstalled = false, TablePrefix = prefix });
        var settings = new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString).GetTableClient(prefix + "settings");
        await settings.CreateIfNotExistsAsync();
        await settings.AddEntityAsync(new Azure.Data.Tables.TableEntity("signing-key", "export-0000000001") { ["Key"] = "not a key" });

        var error = await Assert.ThrowsAnyAsync<Exception>(bot.InitializeAsync);

        Assert.Contains("signing-key/export-0000000001 is malformed", error.ToString(), StringComparison.Ordinal);
    }
}
