using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace CheckinBot.TestKit;

/// <summary>
/// The real host (the Web project's Program) with storage in Azurite under a table prefix of its own. On a TestServer
/// by default; <see cref="StartOnLoopback"/> puts it on real Kestrel for clients outside the process.
/// </summary>
public class BotApplicationFactory<TProgram>(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<TProgram>
    where TProgram : class
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

    /// <summary>Starts Kestrel on 127.0.0.1 and a free port; returns the base address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }
}
