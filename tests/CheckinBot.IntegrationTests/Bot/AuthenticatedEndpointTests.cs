using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>
/// The production path end to end: an app id is configured, inbound tokens are checked against a loopback OpenID
/// metadata server, and the bot's reply carries a client-credentials token from the loopback token endpoint.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthenticatedEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppId = BotHostOptions.AppId;
    private FakeIdentityProvider _idp = null!;
    private BotHost _bot = null!;
    private HttpClient _client = null!;

    private FakeConnector Connector => _bot.Connector;

    public async Task InitializeAsync()
    {
        _idp = await FakeIdentityProvider.StartAsync();
        _bot = new BotHost(azurite, new BotHostOptions
        {
            Identity = _idp,
            AlexInstalled = false,
            Settings = new Dictionary<string, string?> { ["Bot:TenantId"] = Activities.TenantId },
        });
        await _bot.InitializeAsync();
        _client = _bot.Client;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _idp.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(object activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.SendAsync(request);
    }

    private string TokenFor(SigningKey key) => FakeIdentityProvider.CreateToken(key, AppId, serviceUrl: Connector.ServiceUrl);

    [Fact]
    public async Task ValidToken_IsHandledAndReplyCarriesBotToken()
    {
        var response = await PostAsync(Activities.Message(Connector.ServiceUrl, "help"), TokenFor(_idp.EndorsedKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Connector.WaitForPostedActivitiesAsync(2);
        Assert.All(Connector.Requests, r => Assert.Equal($"Bearer access-{AppId}-1", r.Authorization));
    }

    [Fact]
    public async Task MissingHeader_Is401ProblemDetails()
    {
        var response = await PostAsync(Activities.Message(Connector.ServiceUrl, "help"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task UnknownKey_Is401()
    {
        var response = await PostAsync(Activities.Message(Connector.ServiceUrl, "help"), TokenFor(_idp.UnpublishedKey));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnendorsedKey_Is403()
    {
        var response = await PostAsync(Activities.Message(Connector.ServiceUrl, "help"), TokenFor(_idp.UnendorsedKey));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task OtherTenant_Is403()
    {
        var response = await PostAsync(
            Activities.Message(Connector.ServiceUrl, "help", tenantId: "99999999-0000-0000-0000-000000000000"), TokenFor(_idp.EndorsedKey));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task BadBodyWithValidToken_Is400NotServerError()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{oops", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(_idp.EndorsedKey));
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
