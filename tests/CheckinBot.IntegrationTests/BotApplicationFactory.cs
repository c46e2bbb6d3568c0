using CheckinBot.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace CheckinBot.IntegrationTests;

/// <summary>The real host (Program) on a TestServer, with storage in Azurite under a table prefix of its own.</summary>
public sealed class BotApplicationFactory(AzuriteFixture azurite, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..10];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Every test host checks the whole container up front: a missing or mis-scoped registration fails here.
        builder.UseDefaultServiceProvider(o => o.ValidateOnBuild = o.ValidateScopes = true);
        builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        builder.UseSetting("Teams:Resilience:BaseDelay", "00:00:00.020");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
