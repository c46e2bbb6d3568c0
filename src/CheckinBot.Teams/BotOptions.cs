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

    /// <summary>Apps allowed to call the bot with Entra-issued tokens (their <c>appid</c>/<c>azp</c>); empty = any app-only caller of the bot's tenant.</summary>
    public IList<string> AllowedCallerAppIds { get; } = [];

    /// <summary>A multi-tenant bot serves only <see cref="AllowedTenants"/> unless this is set: serving every tenant must be a choice.</summary>
    public bool AllowAnyTenant { get; set; }

    /// <summary>
    /// Local mode (no <see cref="AppId"/>: no token checks) refuses to start in the Production environment unless this
    /// is set. Never set it in a real deployment.
    /// </summary>
    public bool DangerouslyAllowUnauthenticatedInProduction { get; set; }

    /// <summary>The bot's public address (e.g. https://bot.contoso.com/) for links it sends; default: the request's.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The app registration people and admin tools sign in to (the Growth tab's Teams SSO with scope
    /// <c>access_as_user</c>, the admin API's app role <c>CheckinBot.Admin</c>); empty: <see cref="AppId"/>. A bot on a
    /// managed identity needs one: an identity has no application ID URI or scopes of its own (docs/deploy.md).
    /// </summary>
    public string? SsoAppId { get; set; }

    /// <summary>The app id user and admin tokens are issued for: <see cref="SsoAppId"/>, else <see cref="AppId"/>.</summary>
    public string ApiAppId => string.IsNullOrWhiteSpace(SsoAppId) ? AppId : SsoAppId.Trim();

    /// <summary>The Teams app's id (the manifest's <c>id</c>), for deep links into its Growth tab; optional.</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>
    /// Where "Open the Growth tab" leads: the tab inside Teams when <see cref="TeamsAppId"/> is known
    /// (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application), else the page.
    /// </summary>
    public Uri GrowthTabLink(Uri botBaseUri) => string.IsNullOrWhiteSpace(TeamsAppId)
        ? new Uri(botBaseUri, "tab")
        : new Uri($"https://teams.microsoft.com/l/entity/{Uri.EscapeDataString(TeamsAppId.Trim())}/growth");

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
        return IsLocalMode || AllowAnyTenant;
    }
}

public enum BotAppType
{
    SingleTenant,
    MultiTenant,
    UserAssignedMsi,
}
