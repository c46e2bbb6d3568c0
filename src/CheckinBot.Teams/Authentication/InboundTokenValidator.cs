using System.Text.Json;
using CheckinBot.Teams.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;

namespace CheckinBot.Teams.Authentication;

/// <summary>
/// Validates the bearer token on <c>POST /api/messages</c> as https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication describes: Bot Connector tokens
/// (issuer api.botframework.com, endorsed for the channel, serviceurl claim bound to the activity) and Entra tokens
/// for single-tenant bots (v1 and v2 issuers of the bot's tenant, tid bound to that tenant).
/// </summary>
public sealed partial class InboundTokenValidator(
    IOptions<BotOptions> options,
    OpenIdMetadataCache metadata,
    TimeProvider timeProvider,
    ILogger<InboundTokenValidator> logger)
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new();
    private BotOptions Options => options.Value;

    public async Task<InboundAuthResult> ValidateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Options.IsLocalMode
                ? new InboundAuthResult(InboundAuthOutcome.Anonymous)
                : InboundAuthResult.Unauthorized("missing Authorization header");
        }
        if (Options.IsLocalMode)
        {
            // Without an app id there is no audience to check a token against; local mode accepts only anonymous calls.
            return InboundAuthResult.Unauthorized("a token was sent but no Bot:AppId is configured");
        }

        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
            return InboundAuthResult.Unauthorized("malformed Authorization header");

        JsonWebToken unverified;
        try
        {
            unverified = new JsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return InboundAuthResult.Unauthorized("not a JWT");
        }

        var issuer = unverified.Issuer;
        var result = issuer == BotFrameworkIssuer
            ? await ValidateBotFrameworkTokenAsync(parts[1], activity, cancellationToken)
            : EntraIssuers().Contains(issuer)
                ? await ValidateEntraTokenAsync(parts[1], cancellationToken)
                : InboundAuthResult.Unauthorized("issuer not trusted");
        if (!result.IsAllowed)
            LogRejected(logger, result.Outcome, result.Reason);
        return result;
    }

    private async Task<InboundAuthResult> ValidateBotFrameworkTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var (result, validated, configuration) = await ValidateSignedAsync(
            token, Options.BotFrameworkOpenIdMetadataUrl, [BotFrameworkIssuer], [Options.AppId], configureAadKeyIssuer: false, cancellationToken);
        if (validated is null)
            return result;

        var endorsements = EndorsementsOf(configuration!, validated.Kid);
        if (!endorsements.Contains(activity.ChannelId ?? "", StringComparer.OrdinalIgnoreCase))
            return InboundAuthResult.Forbidden("signing key is not endorsed for the channel");

        if (activity.ServiceUrl is not null)
        {
            var claim = validated.TryGetClaim("serviceurl", out var c) ? c.Value : null;
            if (!string.Equals(claim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
                return InboundAuthResult.Unauthorized("serviceurl claim does not match the activity");
        }
        return new InboundAuthResult(InboundAuthOutcome.Authenticated);
    }

    private async Task<InboundAuthResult> ValidateEntraTokenAsync(string token, CancellationToken cancellationToken)
    {
        var appId = Options.AppId;
        var metadataUrl = $"{Options.AuthorityRoot}/{Options.TenantId}/v2.0/.well-known/openid-configuration";
        var (result, validated, _) = await ValidateSignedAsync(
            token, metadataUrl, EntraIssuers(), [appId, $"api://{appId}", $"api://botid-{appId}"], configureAadKeyIssuer: true, cancellationToken);
        if (validated is null)
            return result;

        var tid = validated.TryGetClaim("tid", out var c) ? c.Value : null;
        if (!string.Equals(tid, Options.TenantId, StringComparison.OrdinalIgnoreCase))
            return InboundAuthResult.Unauthorized("tid claim does not match the bot's tenant");
        return EntraCallerProblem(validated) is { } problem
            ? InboundAuthResult.Unauthorized(problem)
            : new InboundAuthResult(InboundAuthOutcome.Authenticated);
    }

    /// <summary>
    /// Issuer, audience and tid say the token was minted in the bot's tenant for the bot, not that the Bot Service
    /// sent it: a signed-in user's token for the app (Teams SSO) has the same audience. The Bot Service calls with an
    /// app-only token, so a delegated token (<c>scp</c>) is refused, the caller's app id (<c>appid</c> in v1 tokens,
    /// <c>azp</c> in v2) must be present, and when <c>Bot:AllowedCallerAppIds</c> lists callers it must be one of them.
    /// </summary>
    private string? EntraCallerProblem(JsonWebToken token)
    {
        if (token.TryGetClaim("scp", out _))
            return "a delegated (user) token is not a Bot Service token";
        var caller = token.TryGetClaim("ver", out var ver) && ver.Value == "2.0"
            ? token.TryGetClaim("azp", out var azp) ? azp.Value : null
            : token.TryGetClaim("appid", out var appid) ? appid.Value : null;
        if (string.IsNullOrEmpty(caller))
            return "the token names no calling app (appid/azp)";
        return Options.AllowedCallerAppIds.Count > 0 && !Options.AllowedCallerAppIds.Contains(caller, StringComparer.OrdinalIgnoreCase)
            ? "the calling app is not in Bot:AllowedCallerAppIds"
            : null;
    }

    /// <summary>Entra issuers are trusted only for the bot's own tenant (single-tenant and managed-identity bots).</summary>
    private string[] EntraIssuers() =>
        string.IsNullOrEmpty(Options.TenantId) || Options.AppType == BotAppType.MultiTenant
            ? []
            : [$"https://sts.windows.net/{Options.TenantId}/", $"{Options.AuthorityRoot}/{Options.TenantId}/v2.0"];

    private async Task<(InboundAuthResult Result, JsonWebToken? Token, OpenIdConnectConfiguration? Configuration)> ValidateSignedAsync(
        string token, string metadataUrl, string[] issuers, string[] audiences, bool configureAadKeyIssuer, CancellationToken cancellationToken)
    {
        var manager = metadata.For(metadataUrl);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            OpenIdConnectConfiguration configuration;
            try
            {
                configuration = await manager.GetConfigurationAsync(cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                LogMetadataUnavailable(logger, metadataUrl, ex);
                return (new InboundAuthResult(InboundAuthOutcome.Unavailable, "OpenID metadata unavailable"), null, null);
            }

            var parameters = new TokenValidationParameters
            {
                ValidIssuers = issuers,
                ValidAudiences = audiences,
                IssuerSigningKeys = configuration.SigningKeys,
                ValidAlgorithms = Algorithms,
                ClockSkew = ClockSkew,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                LifetimeValidator = IsWithinLifetime,
            };
            if (configureAadKeyIssuer)
                parameters.EnableAadSigningKeyIssuerValidation();

            var validation = await _handler.ValidateTokenAsync(token, parameters);
            if (validation.IsValid)
                return (new InboundAuthResult(InboundAuthOutcome.Authenticated), (JsonWebToken)validation.SecurityToken, configuration);

            if (validation.Exception is SecurityTokenSignatureKeyNotFoundException && attempt == 0)
            {
                // Keys can rotate at any time: look again once (the manager throttles how often that really fetches).
                manager.RequestRefresh();
                continue;
            }
            return (InboundAuthResult.Unauthorized(validation.Exception?.GetType().Name ?? "invalid token"), null, null);
        }
        return (InboundAuthResult.Unauthorized("signing key not found"), null, null);
    }

    /// <summary>Lifetime check against the injected clock (the library's default reads the system clock).</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp.ToUniversalTime() + ClockSkew >= now
            && (notBefore is not { } nbf || nbf.ToUniversalTime() - ClockSkew <= now);
    }

    /// <summary>The Bot Connector JWKS lists, per key, the channels it may sign for (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication, step 4 of the connector-to-bot checks).</summary>
    private static IReadOnlyList<string> EndorsementsOf(OpenIdConnectConfiguration configuration, string kid)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw))
            return [];
        return raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.GetString() ?? "")],
            IEnumerable<object> list => [.. list.Select(o => o?.ToString() ?? "")],
            _ => [],
        };
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Inbound token rejected: {Outcome} ({Reason})")]
    private static partial void LogRejected(ILogger logger, InboundAuthOutcome outcome, string? reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "OpenID metadata {MetadataUrl} could not be fetched")]
    private static partial void LogMetadataUnavailable(ILogger logger, string metadataUrl, Exception exception);
}
