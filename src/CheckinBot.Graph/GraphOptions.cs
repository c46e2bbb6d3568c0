using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Graph;

/// <summary>Microsoft Graph settings (section <c>Graph</c>; <c>Graph:TurnLookupTimeout</c> is Core's TurnLookupOptions).</summary>
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

    /// <summary>
    /// The app's id in the org's Teams app catalog, for installing it proactively. Usually left empty: the installer
    /// finds it in the catalog by <see cref="ManifestAppId"/> (the catalog id differs from the manifest's).
    /// </summary>
    public string? TeamsCatalogAppId { get; set; }

    /// <summary>The Teams app's id in its manifest (<c>Bot:TeamsAppId</c> unless set): its <c>externalId</c> in the org catalog.</summary>
    public string? ManifestAppId { get; set; }

    /// <summary>One Graph call (token included, with the SDK's own retries of 429 and 503) is cut after this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Graph:AttemptTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long Graph is left alone once most recent calls failed, before one call tests it again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "Graph:BreakDuration must be between 00:00:01 and 00:30:00.")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
