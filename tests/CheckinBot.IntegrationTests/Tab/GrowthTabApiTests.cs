using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Tab;

/// <summary>
/// The Growth tab's API with an app id configured: Teams SSO user tokens (scope <c>access_as_user</c>, audience
/// <c>api://{public host}/{app id}</c>) from a loopback Entra, for an employee, a manager and an HR admin of
/// samples/org.csv, and every way a token can be wrong.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GrowthTabApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppId = BotHostOptions.AppId;
    private const string TabAudience = "api://bot.contoso.test/" + AppId;
    private const string Alex = "00000000-0000-0000-0000-0000000000020";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";
    private const string Adele = "00000000-0000-0000-0000-0000000000022";
    private FakeIdentityProvider _idp = null!;
    private BotHost _bot = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _idp = await FakeIdentityProvider.StartAsync();
        _bot = new BotHost(azurite, Options("Hr:AdminUserIds:0", Adele));
        await _bot.InitializeAsync();
        _client = _bot.Client;
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _idp.DisposeAsync();
    }

    /// <summary>The bot with an app id, its tab's address and the sample org, plus one setting of the test's.</summary>
    private BotHostOptions Options(string key, string value) => new()
    {
        Identity = _idp,
        AlexInstalled = false,
        Settings = new Dictionary<string, string?>
        {
            ["Bot:TenantId"] = FakeIdentityProvider.TenantId,
            ["Bot:PublicBaseUrl"] = "https://bot.contoso.test/",
            ["OrgDirectory:Source"] = "File",
            [key] = value,
        },
    };

    private string UserToken(string oid, string scope = "access_as_user", string audience = TabAudience, DateTime? expires = null) =>
        FakeIdentityProvider.CreateToken(_idp.EntraKey, audience, _idp.EntraIssuerV2,
            notBefore: expires?.AddHours(-1), expires: expires,
            extraClaims: new Dictionary<string, object> { ["tid"] = FakeIdentityProvider.TenantId, ["oid"] = oid, ["scp"] = scope });

    private async Task<HttpResponseMessage> GetAsync(string path, string? token, string? localUser = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (localUser is not null)
            request.Headers.Add("X-CheckinBot-Local-User", localUser);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task MyGrowth_TakesOnlyAValidUserTokenForTheTab()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/me/growth", UserToken(Alex))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/me/growth", UserToken(Alex, audience: AppId))).StatusCode); // a v2 token names the app id

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/me/growth", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/me/growth", null, localUser: Alex)).StatusCode); // the picker is local mode only
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/me/growth", UserToken(Alex, expires: now.AddMinutes(-5)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/me/growth", UserToken(Alex, audience: "api://elsewhere.test/" + AppId))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/api/me/growth", UserToken(Alex, scope: "User.Read"))).StatusCode);
        var appToken = FakeIdentityProvider.CreateToken(_idp.EntraKey, AppId, _idp.EntraIssuerV2,
            extraClaims: new Dictionary<string, object> { ["tid"] = FakeIdentityProvider.TenantId, ["oid"] = "app", ["roles"] = new[] { "CheckinBot.Admin" } });
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/api/me/growth", appToken)).StatusCode); // names no person
    }

    [Fact]
    public async Task WithASignInAppOfItsOwn_TokensAreForThatApp_NotTheBots()
    {
        const string SignInApp = "3f6a1c2e-9b8d-4e7f-a1b2-c3d4e5f6a7b8";
        await using var bot = new BotHost(azurite, Options("Bot:SsoAppId", SignInApp));
        await bot.InitializeAsync();
        var client = bot.Client;
        async Task<HttpStatusCode> GetAsync(string audience)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/growth");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", UserToken(Alex, audience: audience));
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await GetAsync($"api://bot.contoso.test/{SignInApp}"));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(TabAudience)); // the bot's own id is not the sign-in app
    }

    [Fact]
    public async Task TheViews_FollowWhoIsSignedIn()
    {
        async Task<string[]> ViewsAsync(string oid) =>
            [.. JsonDocument.Parse(await (await GetAsync("/api/tab/context", UserToken(oid))).Content.ReadAsStringAsync()).RootElement.GetProperty("views").EnumerateArray().Select(v => v.GetString()!)];

        Assert.Equal(["me"], await ViewsAsync("00000000-0000-0000-0000-0000000000024")); // Patti leads no one
        Assert.Equal(["me", "team"], await ViewsAsync(Megan));
        Assert.Equal(["me", "team", "organisation"], await ViewsAsync(Adele)); // she leads Lidia and Miriam too
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/api/tab/people", null)).StatusCode); // no picker outside local mode
    }

    [Fact]
    public async Task OrganisationMetrics_TakeAnHrAdminsUserToken_AndRefuseEveryoneElse()
    {
        var problem = await GetAsync("/api/admin/metrics?groupBy=department", UserToken(Megan));

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/api/admin/metrics?groupBy=department", UserToken(Adele))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, problem.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/api/admin/metrics?groupBy=department", UserToken(Adele, expires: TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5)))).StatusCode);
    }

    [Fact]
    public async Task ATeam_IsOpenToItsManagerAndThoseAbove_NotToAnyoneElse()
    {
        var own = await GetAsync("/api/team/overview", UserToken(Megan));
        var below = await GetAsync($"/api/team/overview?managerId={Alex}", UserToken(Megan));
        var above = await GetAsync($"/api/team/overview?managerId={Megan}", UserToken(Alex));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var members = JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Contains("Alex Wilber", members);
        Assert.Equal(HttpStatusCode.OK, below.StatusCode);
        Assert.Empty(JsonDocument.Parse(await below.Content.ReadAsStringAsync()).RootElement.GetProperty("members").EnumerateArray()); // aggregates only below one's own team
        Assert.Equal(HttpStatusCode.Forbidden, above.StatusCode);
        Assert.Equal("application/problem+json", above.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/api/team/overview?managerId=nobody", UserToken(Alex))).StatusCode);
    }
}
