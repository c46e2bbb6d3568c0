using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Authentication;
using CheckinBot.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CheckinBot.Teams.Tests.Authentication;

/// <summary>The inbound auth matrix of issue 2, against a loopback OpenID metadata + JWKS server with local RSA keys.</summary>
public sealed class InboundTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "4f1e7b52-0000-4000-8000-00000000b0t1";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private FakeIdentityProvider _idp = null!;

    public async Task InitializeAsync() => _idp = await FakeIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    private InboundTokenValidator CreateSut(string appId = AppId) => new(
        Options.Create(new BotOptions
        {
            AppId = appId,
            TenantId = FakeIdentityProvider.TenantId,
            BotFrameworkOpenIdMetadataUrl = _idp.BotFrameworkMetadataUrl,
            Authority = _idp.Authority,
        }),
        new OpenIdMetadataCache(new SimpleHttpClientFactory()),
        TimeProvider.System,
        NullLogger<InboundTokenValidator>.Instance);

    private static Activity Activity(string channelId = "msteams", string? serviceUrl = ServiceUrl) =>
        new() { Type = "message", ChannelId = channelId, ServiceUrl = serviceUrl };

    private static DateTime Now => TimeProvider.System.GetUtcNow().UtcDateTime;

    private async Task<InboundAuthOutcome> ValidateAsync(string? header, Activity? activity = null, string appId = AppId) =>
        (await CreateSut(appId).ValidateAsync(header, activity ?? Activity(), CancellationToken.None)).Outcome;

    private string BotFrameworkToken(
        SigningKey? key = null, string audience = AppId, string issuer = "https://api.botframework.com",
        string? serviceUrl = ServiceUrl, DateTime? notBefore = null, DateTime? expires = null, string algorithm = SecurityAlgorithms.RsaSha256) =>
        FakeIdentityProvider.CreateToken(key ?? _idp.EndorsedKey, audience, issuer, serviceUrl, notBefore, expires, algorithm: algorithm);

    [Fact]
    public async Task Validate_BotFrameworkTokenEndorsedForTeams_IsAuthenticated() =>
        Assert.Equal(InboundAuthOutcome.Authenticated, await ValidateAsync("Bearer " + BotFrameworkToken()));

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Validate_Rs384AndRs512_AreAccepted(string algorithm) =>
        Assert.Equal(InboundAuthOutcome.Authenticated, await ValidateAsync("Bearer " + BotFrameworkToken(algorithm: algorithm)));

    [Fact]
    public async Task Validate_RsaPssAlgorithm_IsRejected() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(algorithm: SecurityAlgorithms.RsaSsaPssSha256)));

    [Fact]
    public async Task Validate_ServiceUrlClaimDiffersOnlyInCase_IsAuthenticated() =>
        Assert.Equal(InboundAuthOutcome.Authenticated, await ValidateAsync("Bearer " + BotFrameworkToken(serviceUrl: ServiceUrl.ToUpperInvariant())));

    [Fact]
    public async Task Validate_WrongAudience_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(audience: "some-other-bot")));

    [Fact]
    public async Task Validate_UntrustedIssuer_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(issuer: "https://evil.example.com")));

    [Fact]
    public async Task Validate_ExpiredBeyondSkew_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(notBefore: Now.AddHours(-2), expires: Now.AddMinutes(-6))));

    [Fact]
    public async Task Validate_ExpiredWithinFiveMinuteSkew_IsAuthenticated() =>
        Assert.Equal(InboundAuthOutcome.Authenticated, await ValidateAsync("Bearer " + BotFrameworkToken(notBefore: Now.AddHours(-2), expires: Now.AddMinutes(-4))));

    [Fact]
    public async Task Validate_NotYetValidBeyondSkew_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(notBefore: Now.AddMinutes(10), expires: Now.AddHours(1))));

    [Fact]
    public async Task Validate_TamperedPayload_IsUnauthorized()
    {
        var parts = BotFrameworkToken().Split('.');
        var forged = BotFrameworkToken(audience: "x");
        var tampered = $"{parts[0]}.{forged.Split('.')[1]}.{parts[2]}";
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + tampered));
    }

    [Fact]
    public async Task Validate_UnknownKid_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(key: _idp.UnpublishedKey)));

    [Fact]
    public async Task Validate_AlgNone_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + FakeIdentityProvider.CreateUnsignedToken(AppId, ServiceUrl)));

    [Fact]
    public async Task Validate_KeyWithoutEndorsements_IsForbidden() =>
        Assert.Equal(InboundAuthOutcome.Forbidden, await ValidateAsync("Bearer " + BotFrameworkToken(key: _idp.UnendorsedKey)));

    [Fact]
    public async Task Validate_KeyNotEndorsedForActivityChannel_IsForbidden() =>
        Assert.Equal(InboundAuthOutcome.Forbidden, await ValidateAsync("Bearer " + BotFrameworkToken(), Activity(channelId: "webchat")));

    [Fact]
    public async Task Validate_ServiceUrlMismatch_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(serviceUrl: "https://smba.trafficmanager.net/amer/")));

    [Fact]
    public async Task Validate_ServiceUrlClaimMissing_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(serviceUrl: null)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer a b")]
    [InlineData("Bearer not-a-jwt")]
    public async Task Validate_MissingOrMalformedHeaderWithAppId_IsUnauthorized(string? header) =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync(header));

    [Fact]
    public async Task Validate_LocalModeWithoutHeader_IsAnonymous() =>
        Assert.Equal(InboundAuthOutcome.Anonymous, await ValidateAsync(null, appId: ""));

    [Fact]
    public async Task Validate_LocalModeWithHeader_IsUnauthorized() =>
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + BotFrameworkToken(), appId: ""));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Validate_EntraTokenForBotTenant_IsAuthenticated(bool v2Issuer)
    {
        var issuer = v2Issuer ? _idp.EntraIssuerV2 : $"https://sts.windows.net/{FakeIdentityProvider.TenantId}/";
        var caller = new Dictionary<string, object> { ["tid"] = FakeIdentityProvider.TenantId };
        if (v2Issuer)
            (caller["ver"], caller["azp"]) = ("2.0", "bot-service-app");
        else
            (caller["ver"], caller["appid"]) = ("1.0", "bot-service-app");
        var token = FakeIdentityProvider.CreateToken(_idp.EntraKey, AppId, issuer, extraClaims: caller);
        Assert.Equal(InboundAuthOutcome.Authenticated, await ValidateAsync("Bearer " + token));
    }

    [Theory]
    [InlineData("scp", "access_as_user")] // a signed-in user's SSO token for the app: same audience, not the Bot Service
    [InlineData("none", "")]              // no calling app named
    public async Task Validate_EntraTokenNotFromAnAppOnlyCaller_IsUnauthorized(string claim, string value)
    {
        var claims = new Dictionary<string, object> { ["tid"] = FakeIdentityProvider.TenantId, ["ver"] = "2.0" };
        if (claim == "scp")
            (claims["scp"], claims["azp"]) = (value, "teams-client");
        var token = FakeIdentityProvider.CreateToken(_idp.EntraKey, AppId, _idp.EntraIssuerV2, extraClaims: claims);
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + token));
    }

    [Fact]
    public async Task Validate_EntraTokenWithOtherTid_IsUnauthorized()
    {
        var token = FakeIdentityProvider.CreateToken(_idp.EntraKey, AppId, _idp.EntraIssuerV2, extraClaims: new Dictionary<string, object> { ["tid"] = "99999999-0000-0000-0000-000000000000" });
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + token));
    }

    [Fact]
    public async Task Validate_EntraIssuerOfAnotherTenant_IsUnauthorized()
    {
        var token = FakeIdentityProvider.CreateToken(_idp.EntraKey, AppId, "https://sts.windows.net/99999999-0000-0000-0000-000000000000/", extraClaims: new Dictionary<string, object> { ["tid"] = "99999999-0000-0000-0000-000000000000" });
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + token));
    }

    [Fact]
    public async Task Validate_EntraIssuerSignedWithBotFrameworkKey_IsUnauthorized()
    {
        var token = FakeIdentityProvider.CreateToken(_idp.EndorsedKey, AppId, _idp.EntraIssuerV2, extraClaims: new Dictionary<string, object> { ["tid"] = FakeIdentityProvider.TenantId });
        Assert.Equal(InboundAuthOutcome.Unauthorized, await ValidateAsync("Bearer " + token));
    }

    [Fact]
    public async Task Validate_MetadataServerDown_IsUnavailableNotAnError()
    {
        var sut = new InboundTokenValidator(
            Options.Create(new BotOptions { AppId = AppId, TenantId = FakeIdentityProvider.TenantId, BotFrameworkOpenIdMetadataUrl = "http://127.0.0.1:9/none" }),
            new OpenIdMetadataCache(new SimpleHttpClientFactory()), TimeProvider.System, NullLogger<InboundTokenValidator>.Instance);
        var result = await sut.ValidateAsync("Bearer " + BotFrameworkToken(), Activity(), CancellationToken.None);
        Assert.Equal(InboundAuthOutcome.Unavailable, result.Outcome);
    }
}
