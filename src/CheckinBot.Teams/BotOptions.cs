namespace CheckinBot.Teams;

/// <summary>
/// The bot's identity and trust settings (configuration section <c>Bot</c>).
/// An empty <see cref="AppId"/> means local mode: unauthenticated inbound requests and loopback service URLs are allowed.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    public string AppId { get; set; } = "";
    public string AppPassword { get; set; } = "";
    public string TenantId { get; set; } = "";
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public string Authority { get; set; } = "https://login.microsoftonline.com";
    public IList<string> TrustedServiceUrlHosts { get; } = [];
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>The bot's public address (e.g. https://bot.contoso.com/) for links it sends; default: the request's.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The channel this bot serves; activities from any other channel are dropped.</summary>
    public string ChannelId { get; set; } = "msteams";

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);

    internal string AuthorityRoot => Authority.TrimEnd('/');

    /// <summary>Tenant that issues outbound tokens: botframework.com for legacy multi-tenant bots, else the bot's tenant.</summary>
    internal string TokenTenant => AppType == BotAppType.MultiTenant ? "botframework.com" : TenantId;

    public bool IsTenantAllowed(string? tenantId)
    {
        if (AllowedTenants.Count > 0)
            return tenantId is not null && AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrEmpty(TenantId))
            return string.Equals(tenantId, TenantId, StringComparison.OrdinalIgnoreCase);
        return IsLocalMode || AppType == BotAppType.MultiTenant;
    }
}

public enum BotAppType
{
    SingleTenant,
    MultiTenant,
    UserAssignedMsi,
}
