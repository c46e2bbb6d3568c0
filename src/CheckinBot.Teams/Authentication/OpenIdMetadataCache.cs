using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CheckinBot.Teams.Authentication;

/// <summary>
/// One configuration manager per OpenID metadata URL: signing keys are cached, refreshed every 12 hours, and
/// refreshed early (at most every 5 minutes) when a token names a key we have not seen.
/// HTTPS is required except for loopback hosts, so tests can stand in for the real identity providers.
/// </summary>
public sealed class OpenIdMetadataCache(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "openid-metadata";

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _managers = new(StringComparer.OrdinalIgnoreCase);

    public ConfigurationManager<OpenIdConnectConfiguration> For(string metadataUrl) =>
        _managers.GetOrAdd(metadataUrl, url => new ConfigurationManager<OpenIdConnectConfiguration>(
            url,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = !IsLoopback(url) })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        });

    internal static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
