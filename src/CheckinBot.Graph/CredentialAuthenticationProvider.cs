using Azure.Core;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CheckinBot.Graph;

/// <summary>
/// Puts an app-only Graph token on requests to the configured Graph host only (never elsewhere), over HTTPS; plain
/// HTTP is allowed for loopback so tests can stand in for Graph.
/// </summary>
internal sealed class CredentialAuthenticationProvider(TokenCredential credential, GraphOptions options) : IAuthenticationProvider
{
    private readonly Uri _graphBase = options.BaseUrl;
    private readonly string[] _scopes = [options.TokenScope];

    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.URI;
        if (!string.Equals(uri.Host, _graphBase.Host, StringComparison.OrdinalIgnoreCase) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            throw new InvalidOperationException($"Refusing to send a Graph token to {uri.Scheme}://{uri.Host}.");
        var token = await credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken);
        request.Headers.TryAdd("Authorization", "Bearer " + token.Token);
    }
}
