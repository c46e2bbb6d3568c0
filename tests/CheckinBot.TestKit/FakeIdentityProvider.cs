using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CheckinBot.TestKit;

/// <summary>
/// Stands in for login.botframework.com and login.microsoftonline.com on loopback: OpenID metadata, a JWKS whose
/// keys carry Bot Connector <c>endorsements</c>, and a client-credentials token endpoint. Mints tokens with
/// locally generated RSA keys.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string BotFrameworkMetadataPath = "/v1/.well-known/openidconfiguration";
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    private readonly LoopbackServer _server;
    private int _tokenRequests;

    private FakeIdentityProvider(LoopbackServer server, SigningKey endorsed, SigningKey unendorsed, SigningKey entra, SigningKey unpublished)
    {
        _server = server;
        EndorsedKey = endorsed;
        UnendorsedKey = unendorsed;
        EntraKey = entra;
        UnpublishedKey = unpublished;
    }

    public SigningKey EndorsedKey { get; }
    public SigningKey UnendorsedKey { get; }
    public SigningKey EntraKey { get; }

    /// <summary>A key that is in no JWKS: tokens signed with it have an unknown kid.</summary>
    public SigningKey UnpublishedKey { get; }

    public string BotFrameworkMetadataUrl => _server.Url(BotFrameworkMetadataPath);

    /// <summary>Use as <c>Bot:Authority</c>: Entra metadata and the token endpoint hang below it.</summary>
    public string Authority => _server.BaseUri.ToString().TrimEnd('/');

    public string EntraIssuerV2 => $"{Authority}/{TenantId}/v2.0";

    public int TokenRequests => _tokenRequests;

    /// <summary>Access tokens the token endpoint hands out live this long.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var endorsed = SigningKey.Create("endorsed-key");
        var unendorsed = SigningKey.Create("unendorsed-key");
        var entra = SigningKey.Create("entra-key");
        var unpublished = SigningKey.Create("unpublished-key");
        FakeIdentityProvider? provider = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet(BotFrameworkMetadataPath, (HttpContext ctx) => Results.Json(Metadata(ctx, "https://api.botframework.com", "/v1/.well-known/keys")));
            app.MapGet("/v1/.well-known/keys", () => Results.Json(new
            {
                keys = new[] { endorsed.ToJwk(["msteams", "skype"]), unendorsed.ToJwk(null) },
            }));
            app.MapGet($"/{TenantId}/v2.0/.well-known/openid-configuration", (HttpContext ctx) =>
                Results.Json(Metadata(ctx, $"{Base(ctx)}/{TenantId}/v2.0", $"/{TenantId}/discovery/v2.0/keys")));
            app.MapGet($"/{TenantId}/discovery/v2.0/keys", () => Results.Json(new { keys = new[] { entra.ToJwk(null) } }));
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext ctx) =>
            {
                var form = await ctx.Request.ReadFormAsync();
                Interlocked.Increment(ref provider!._tokenRequests);
                if (form["grant_type"] != "client_credentials" || form["scope"] != "https://api.botframework.com/.default")
                    return Results.BadRequest(new { error = "invalid_request" });
                return Results.Json(new
                {
                    token_type = "Bearer",
                    expires_in = provider.TokenLifetimeSeconds,
                    access_token = $"access-{form["client_id"]}-{provider._tokenRequests}",
                });
            });
        });
        provider = new FakeIdentityProvider(server, endorsed, unendorsed, entra, unpublished);
        return provider;
    }

    /// <summary>A Bot Connector token as Teams sends it; each part can be overridden to build the negative cases.</summary>
    public static string CreateToken(
        SigningKey key,
        string audience,
        string issuer = "https://api.botframework.com",
        string? serviceUrl = null,
        DateTime? notBefore = null,
        DateTime? expires = null,
        IDictionary<string, object>? extraClaims = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
            claims["serviceurl"] = serviceUrl;
        var issuedAt = notBefore ?? TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = issuedAt,
            IssuedAt = issuedAt,
            Expires = expires ?? issuedAt.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key.Key, algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>).</summary>
    public static string CreateUnsignedToken(string audience, string serviceUrl)
    {
        static string B64(object o) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(o));
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return $"{B64(new { alg = "none", typ = "JWT" })}.{B64(new { iss = "https://api.botframework.com", aud = audience, serviceurl = serviceUrl, nbf = now - 60, exp = now + 3600 })}.";
    }

    private static string Base(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}";

    private static object Metadata(HttpContext ctx, string issuer, string jwksPath) => new
    {
        issuer,
        authorization_endpoint = $"{Base(ctx)}/authorize",
        jwks_uri = Base(ctx) + jwksPath,
        id_token_signing_alg_values_supported = new[] { "RS256" },
        token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
    };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

public sealed class SigningKey
{
    private SigningKey(string kid, RSA rsa)
    {
        Kid = kid;
        Rsa = rsa;
        Key = new RsaSecurityKey(rsa) { KeyId = kid };
    }

    public string Kid { get; }
    public RSA Rsa { get; }
    public RsaSecurityKey Key { get; }

    public static SigningKey Create(string kid) => new(kid, RSA.Create(2048));

    public Dictionary<string, object> ToJwk(string[]? endorsements)
    {
        var p = Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
        };
        if (endorsements is not null)
            jwk["endorsements"] = endorsements;
        return jwk;
    }
}
