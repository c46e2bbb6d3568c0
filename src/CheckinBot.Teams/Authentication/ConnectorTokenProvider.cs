using System.Net.Http.Json;
using Azure.Core;
using Azure.Identity;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Authentication;

/// <summary>Supplies the bearer token for calls to the Bot Connector; null means "send no token" (local mode).</summary>
public interface IConnectorTokenProvider
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Drops a cached token the connector rejected, so the next call fetches a fresh one.</summary>
    void Invalidate(string token);
}

/// <summary>
/// Bot Connector tokens for scope <c>https://api.botframework.com/.default</c>
/// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication): from the
/// user-assigned managed identity whose client id is <c>Bot:AppId</c> (<c>Bot:AppType=UserAssignedMsi</c>, no secret),
/// else by the OAuth client-credentials flow against <c>{Bot:Authority}/{tenant}/oauth2/v2.0/token</c> with the
/// secret. One cached token, refreshed five minutes before it expires, and only one refresh in flight however many
/// senders ask at once.
/// </summary>
/// <param name="managedIdentity">The identity's credential (required for <c>UserAssignedMsi</c>, unused otherwise).</param>
public sealed class BotConnectorTokenProvider(HttpClient httpClient, IOptions<BotOptions> options, TimeProvider timeProvider, TokenCredential? managedIdentity = null)
    : IConnectorTokenProvider, IDisposable
{
    public const string HttpClientName = "bot-token";
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _cached;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (bot.IsLocalMode)
            return null;
        if (IsFresh(_cached))
            return _cached!.Value;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh(_cached))
                return _cached!.Value;
            _cached = await RequestTokenAsync(bot, cancellationToken);
            return _cached.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Invalidate(string token)
    {
        var cached = _cached;
        if (cached?.Value == token)
            Interlocked.CompareExchange(ref _cached, null, cached);
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsFresh(CachedToken? token) => token is not null && token.ExpiresAt - RefreshMargin > timeProvider.GetUtcNow();

    private async Task<CachedToken> RequestTokenAsync(BotOptions bot, CancellationToken cancellationToken)
    {
        if (bot.AppType == BotAppType.UserAssignedMsi)
        {
            if (managedIdentity is null)
                throw new ConnectorTokenException("Bot:AppType is UserAssignedMsi but no managed identity credential was configured.");
            try
            {
                var token = await managedIdentity.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
                return new CachedToken(token.Token, token.ExpiresOn);
            }
            catch (AuthenticationFailedException ex)
            {
                throw new ConnectorTokenException($"The managed identity gave no Bot Connector token: {ex.GetType().Name}.");
            }
        }

        var endpoint = $"{bot.AuthorityRoot}/{bot.TokenTenant}/oauth2/v2.0/token";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = bot.AppId,
            ["client_secret"] = bot.AppPassword,
            ["scope"] = Scope,
        });
        var requestedAt = timeProvider.GetUtcNow();
        using var response = await httpClient.PostAsync(new Uri(endpoint), form, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new ConnectorTokenException($"Token endpoint answered {(int)response.StatusCode}.");
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new ConnectorTokenException("Token endpoint returned an empty body.");
        if (string.IsNullOrEmpty(body.AccessToken))
            throw new ConnectorTokenException("Token endpoint returned no access_token.");
        return new CachedToken(body.AccessToken, requestedAt.AddSeconds(body.ExpiresIn));
    }

    private sealed record CachedToken(string Value, DateTimeOffset ExpiresAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

public sealed class ConnectorTokenException(string message) : Exception(message);
