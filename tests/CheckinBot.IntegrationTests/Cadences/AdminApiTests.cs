using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.TestKit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Cadences;

/// <summary>The cadence admin API: CRUD, problem details naming the field, and who may call it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppId = BotHostOptions.AppId;

    private const string Example = """
        {"id": "weekly-growth", "name": "Weekly growth check-in",
         "audience": {"everyone": true, "departments": [], "groupIds": [], "userIds": [], "excludeUserIds": []},
         "schedule": {"frequency": "weekly", "interval": 1, "dayOfWeek": "Monday", "localTime": "09:30",
                      "timeZone": "Europe/Berlin", "cron": null, "startDate": null, "endDate": null, "skipDates": []},
         "reminder": {"afterHours": 24, "max": 2}, "questionSetId": "default", "active": true}
        """;

    private readonly BotHost _local = new(azurite, new BotHostOptions { AlexInstalled = false });

    private HttpClient Client => _local.Client;

    public Task InitializeAsync() => _local.InitializeAsync();

    public Task DisposeAsync() => _local.DisposeAsync();

    private static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Cadences_CreateReadUpdateDelete_InLocalModeFromLoopback()
    {
        var created = await Client.PostAsync("/api/admin/cadences", Body(Example));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsync("/api/admin/cadences", Body(Example))).StatusCode);

        var read = JsonDocument.Parse(await Client.GetStringAsync("/api/admin/cadences/weekly-growth")).RootElement;
        Assert.Equal("weekly", read.GetProperty("schedule").GetProperty("frequency").GetString());
        Assert.Equal("Monday", read.GetProperty("schedule").GetProperty("dayOfWeek").GetString());

        var paused = await Client.PutAsync("/api/admin/cadences/weekly-growth", Body(Example.Replace("\"active\": true", "\"active\": false", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var all = JsonDocument.Parse(await Client.GetStringAsync("/api/admin/cadences")).RootElement;
        Assert.False(Assert.Single(all.EnumerateArray()).GetProperty("active").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/admin/cadences/weekly-growth")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/admin/cadences/weekly-growth")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync("/api/admin/cadences/weekly-growth")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsync("/api/admin/cadences/weekly-growth", Body(Example))).StatusCode);
    }

    [Theory]
    [InlineData("\"timeZone\": \"Europe/Berlin\"", "\"timeZone\": \"Mars/Olympus\"", "schedule.timeZone")]
    [InlineData("\"frequency\": \"weekly\"", "\"frequency\": \"cron\"", "schedule.cron")]
    [InlineData("\"endDate\": null", "\"endDate\": \"2020-01-01\"", "schedule")] // never fires again
    [InlineData("\"everyone\": true", "\"everyone\": false", "audience")]
    [InlineData("\"questionSetId\": \"default\"", "\"questionSetId\": \"nope\"", "questionSetId")]
    [InlineData("\"startDate\": null, \"endDate\": null", "\"startDate\": \"2027-02-01\", \"endDate\": \"2027-01-01\"", "schedule.endDate")]
    [InlineData("\"interval\": 1", "\"interval\": \"often\"", "schedule.interval")]
    [InlineData("\"dayOfWeek\": \"Monday\"", "\"dayOfWeek\": \"Moonday\"", "schedule.dayOfWeek")]
    public async Task InvalidCadence_Is400ProblemDetails_NamingTheField(string from, string to, string field)
    {
        var response = await Client.PostAsync("/api/admin/cadences", Body(Example.Replace(from, to, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{field} not in {errors}");
    }

    [Theory]
    [InlineData("/api/admin/cadences")]
    [InlineData("/api/admin/metrics?groupBy=department")]
    [InlineData("/api/admin/export?groupBy=department")]
    public async Task WithAnAppId_OnlyATokenWithTheAdminRole_GetsIn(string path)
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var production = new BotHost(azurite, new BotHostOptions
        {
            Identity = idp,
            AlexInstalled = false,
            Settings = new Dictionary<string, string?> { ["Bot:TenantId"] = FakeIdentityProvider.TenantId, ["OrgDirectory:Source"] = "File" },
        });
        await production.InitializeAsync();
        var client = production.Client;
        string Token(string audience, params string[] roles) => FakeIdentityProvider.CreateToken(idp.EntraKey, audience, idp.EntraIssuerV2,
            extraClaims: new Dictionary<string, object> { ["tid"] = FakeIdentityProvider.TenantId, ["roles"] = roles });
        async Task<HttpStatusCode> GetAsync(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(null));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(Token(AppId, "Something.Else")));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(Token("another-app", "CheckinBot.Admin")));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(FakeIdentityProvider.CreateToken(idp.EntraKey, AppId, idp.EntraIssuerV2,
            notBefore: TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-2), expires: TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1),
            extraClaims: new Dictionary<string, object> { ["tid"] = FakeIdentityProvider.TenantId, ["roles"] = new[] { "CheckinBot.Admin" } })));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(FakeIdentityProvider.CreateToken(idp.EntraKey, AppId,
            idp.EntraIssuerV2.Replace(FakeIdentityProvider.TenantId, "99999999-9999-9999-9999-999999999999", StringComparison.Ordinal),
            extraClaims: new Dictionary<string, object> { ["tid"] = "99999999-9999-9999-9999-999999999999", ["roles"] = new[] { "CheckinBot.Admin" } })));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(Token(AppId, "CheckinBot.Admin")));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(Token($"api://{AppId}", "CheckinBot.Admin")));
    }

    [Fact]
    public async Task TeamsTurns_AreNotAuthenticatedAsAdminRequests()
    {
        // The admin scheme is the only one; were it the default, every POST /api/messages would first be validated (and
        // fail, with an exception) as an Entra admin token: a third of a turn's CPU in the inbound benchmark.
        var schemes = _local.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
        Assert.NotNull(await schemes.GetSchemeAsync("EntraBearer"));
    }
}
