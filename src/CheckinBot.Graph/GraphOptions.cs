namespace CheckinBot.Graph;

/// <summary>Microsoft Graph settings (section <c>Graph</c>).</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>Graph's base URL: sovereign clouds and tests change it.</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The app's id in the org's Teams app catalog, for installing it proactively; empty = never install.</summary>
    public string? TeamsCatalogAppId { get; set; }
}
