using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Connector;

/// <summary>
/// The anti-SSRF gate in front of every token-bearing call (docs/architecture.md): HTTPS to a Teams connector host
/// or a host in <c>Bot:TrustedServiceUrlHosts</c>. Loopback is allowed over HTTP only in local mode or when listed.
/// </summary>
public sealed class TrustedServiceUrls(IOptions<BotOptions> options)
{
    private static readonly string[] TeamsDomains = ["botframework.com", "teams.microsoft.com", "teams.microsoft.us"];
    private const string TrafficManagerHost = "smba.trafficmanager.net";

    public bool IsTrusted(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
            return false;
        var bot = options.Value;
        var host = uri.IdnHost;
        var listed = bot.TrustedServiceUrlHosts.Any(h => IsHostOrSubdomain(host, h.Trim()));
        if (uri.IsLoopback)
            return (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && (bot.IsLocalMode || listed);
        if (uri.Scheme != Uri.UriSchemeHttps)
            return false;
        return listed
            || host.Equals(TrafficManagerHost, StringComparison.OrdinalIgnoreCase)
            || TeamsDomains.Any(d => IsHostOrSubdomain(host, d));
    }

    private static bool IsHostOrSubdomain(string host, string domain) =>
        domain.Length > 0
        && (host.Equals(domain, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));
}
