namespace CheckinBot.Graph;

/// <summary>Microsoft Graph settings (section <c>Graph</c>).</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>
    /// Graph's base URL: https://graph.microsoft.com/v1.0 (public cloud and GCC), https://graph.microsoft.us/v1.0 (GCC
    /// High), https://dod-graph.microsoft.us/v1.0 (DoD), https://microsoftgraph.chinacloudapi.cn/v1.0 (21Vianet); tests
    /// point it at a loopback Graph.
    /// </summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The app-only token scope for <see cref="BaseUrl"/>'s cloud: its host's <c>/.default</c>.</summary>
    public string TokenScope => $"{BaseUrl.Scheme}://{BaseUrl.Host}/.default";

    /// <summary>The app's id in the org's Teams app catalog, for installing it proactively; empty = never install.</summary>
    public string? TeamsCatalogAppId { get; set; }
}
