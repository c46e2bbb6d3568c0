using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>
/// <c>Bot:AppType=UserAssignedMsi</c> end to end, as App Service runs it: the bot as its own process with
/// <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c> pointing at a loopback managed identity endpoint, no secret
/// anywhere; inbound tokens checked as for a single-tenant bot whose app id is the identity's client id.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ManagedIdentityTests(AzuriteFixture azurite)
{
    private const string ClientId = "7c0e2f4a-5b6d-4e8f-9a1b-2c3d4e5f6a7b";

    [Fact]
    public async Task TheBotAsksTheIdentityForItsConnectorToken_AndSendsWithIt()
    {
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync();
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Bot:AppId"] = ClientId,
            ["Bot:AppType"] = "UserAssignedMsi",
            ["Bot:TenantId"] = Activities.TenantId,
            ["Bot:BotFrameworkOpenIdMetadataUrl"] = idp.BotFrameworkMetadataUrl,
            ["Bot:Authority"] = idp.Authority,
            ["Bot:TrustedServiceUrlHosts:0"] = "127.0.0.1",
            ["IDENTITY_ENDPOINT"] = identity.Endpoint,
            ["IDENTITY_HEADER"] = FakeManagedIdentityEndpoint.Header,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "m" + Guid.NewGuid().ToString("N")[..10],
            ["OrgDirectory:FilePath"] = Path.Combine(RepoPaths.Root, "samples", "org.csv"),
        });
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };

        async Task<HttpStatusCode> SayAsync(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Activities.Message(connector.ServiceUrl, "help")) };
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await SayAsync(FakeIdentityProvider.CreateToken(idp.EndorsedKey, ClientId, serviceUrl: connector.ServiceUrl)));
        await connector.WaitForPostedActivitiesAsync(1);

        // The same identity for everything it asked (Graph too), and the connector got the Bot Connector token.
        Assert.All(identity.Requests, asked => Assert.Equal((ClientId, FakeManagedIdentityEndpoint.Header), (asked["client_id"], asked["header"])));
        var botFramework = identity.Requests.Select((asked, i) => (asked, i)).Single(r => r.asked["resource"].StartsWith("https://api.botframework.com", StringComparison.Ordinal)).i;
        Assert.All(connector.Requests, r => Assert.Equal($"Bearer mi-token-{botFramework + 1}", r.Authorization));
        // Inbound as a single-tenant bot of that id: a token for another app is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, await SayAsync(FakeIdentityProvider.CreateToken(idp.EndorsedKey, "another-app", serviceUrl: connector.ServiceUrl)));
    }
}
