using Azure.Core;
using Azure.Identity;
using CheckinBot.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CheckinBot.Web.Identity;

/// <summary>
/// The one identity the bot uses towards Azure (Table, Queue and Blob storage with <c>Storage:AccountUri</c>), Microsoft
/// Graph and, for <c>Bot:AppType=UserAssignedMsi</c>, the Bot Connector: the user-assigned managed identity whose client
/// id is <c>Bot:AppId</c>, with no secret anywhere; else the bot's client secret (the local-debugging path); else
/// whatever <see cref="DefaultAzureCredential"/> finds (a developer's own sign-in).
/// </summary>
internal static class AzureIdentity
{
    public static IHostApplicationBuilder AddCheckinAzureIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<TokenCredential>(sp => Create(sp.GetRequiredService<IOptions<BotOptions>>().Value));
        return builder;
    }

    /// <remarks>
    /// Azure.Identity accepts only an https authority: a loopback http one (tests standing in for Entra) keeps its default.
    /// Instance discovery (a metadata call to the public cloud) is turned off for an authority MSAL does not know (a
    /// private cloud, Azure Stack): there it fails, and it ran on every token call, resolving a host on the thread pool
    /// each time (https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration#instance-discovery).
    /// </remarks>
    public static TokenCredential Create(BotOptions bot)
    {
        var authority = Uri.TryCreate(bot.Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;
        if (bot.AppType == BotAppType.UserAssignedMsi)
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(bot.AppId));
        var discovery = UsesInstanceDiscovery(authority);
        return !string.IsNullOrEmpty(bot.AppPassword) && !string.IsNullOrEmpty(bot.TenantId) && !string.IsNullOrEmpty(bot.AppId)
            ? new ClientSecretCredential(bot.TenantId, bot.AppId, bot.AppPassword, new ClientSecretCredentialOptions
            {
                AuthorityHost = authority ?? AzureAuthorityHosts.AzurePublicCloud,
                DisableInstanceDiscovery = !discovery,
            })
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                AuthorityHost = authority ?? AzureAuthorityHosts.AzurePublicCloud,
                DisableInstanceDiscovery = !discovery,
            });
    }

    /// <summary>True for the clouds MSAL knows (public, US Government, China), whose metadata it can discover.</summary>
    public static bool UsesInstanceDiscovery(Uri? authority) =>
        authority is null || KnownClouds.Any(known => string.Equals(known.Host, authority.Host, StringComparison.OrdinalIgnoreCase));

    private static readonly Uri[] KnownClouds = [AzureAuthorityHosts.AzurePublicCloud, AzureAuthorityHosts.AzureGovernment, AzureAuthorityHosts.AzureChina];
}
