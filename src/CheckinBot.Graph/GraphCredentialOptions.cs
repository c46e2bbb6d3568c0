namespace CheckinBot.Graph;

/// <summary>The bot's identity as Graph sees it: the <c>Bot</c> section's app, secret, tenant and authority.</summary>
public sealed class GraphCredentialOptions
{
    public const string SectionName = "Bot";

    public string AppId { get; set; } = "";
    public string AppPassword { get; set; } = "";
    public string TenantId { get; set; } = "";

    /// <summary>
    /// The Entra authority host: https://login.microsoftonline.com (public cloud and GCC), https://login.microsoftonline.us
    /// (GCC High, DoD), https://login.chinacloudapi.cn (21Vianet).
    /// </summary>
    public Uri Authority { get; set; } = new("https://login.microsoftonline.com");
}
