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
    private const string AppId = "5b1c0b9e-7d53-4a2b-9c61-3f1f0c2b7a11";
    private FakeConnector _connector = null!;
    private FakeIdentityProvider _idp = null!;
    private BotApplicationFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _idp = await FakeIdentityProvider.StartAsync();
        _factory = new BotApplicationFactory(azurite, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AppPassword"] = "secret",
            ["Bot:TenantId"] = Activities.TenantId,
            ["Bot:BotFrameworkOpenIdMetadataUrl"] = _idp.BotFrameworkMetadataUrl,
            ["Bot:Authority"] = _idp.Authority,
            ["Bot:TrustedServiceUrlHosts:0"] = "127.0.0.1",
        });
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _idp.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(object activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.SendAsync(request);
    }

    private string TokenFor(SigningKey key) => FakeIdentityProvider.CreateToken(key, AppId, serviceUrl: _connector.ServiceUrl);

    [Fact]
    public async Task ValidToken_IsHandledAndReplyCarriesBotToken()
    {
        var response = await PostAsync(Activities.Message(_connector.ServiceUrl, "help"), TokenFor(_idp.EndorsedKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _connector.WaitForPostedActivitiesAsync(2);
        Assert.All(_connector.Requests, r => Assert.Equal($"Bearer access-{AppId}-1", r.Authorization));
    }

    [Fact]
    public async Task MissingHeader_Is401ProblemDetails()
    {
        var response = await PostAsync(Activities.Message(_connector.ServiceUrl, "help"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task UnknownKey_Is401()
    {
        var response = await PostAsync(Activities.Message(_connector.ServiceUrl, "help"), TokenFor(_idp.UnpublishedKey));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnendorsedKey_Is403()
    {
        var response = await PostAsync(Activities.Message(_connector.ServiceUrl, "help"), TokenFor(_idp.UnendorsedKey));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task OtherTenant_Is403()
    {
        var response = await PostAsync(
            Activities.Message(_connector.ServiceUrl, "help", tenantId: "99999999-0000-0000-0000-000000000000"), TokenFor(_idp.EndorsedKey));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_connector.Requests);
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
