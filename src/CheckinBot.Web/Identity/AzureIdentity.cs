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

    /// <remarks>Azure.Identity accepts only an https authority: a loopback http one (tests standing in for Entra) keeps its default.</remarks>
    public static TokenCredential Create(BotOptions bot)
    {
        var authority = Uri.TryCreate(bot.Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;
        if (bot.AppType == BotAppType.UserAssignedMsi)
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(bot.AppId));
        return !string.IsNullOrEmpty(bot.AppPassword) && !string.IsNullOrEmpty(bot.TenantId) && !string.IsNullOrEmpty(bot.AppId)
            ? new ClientSecretCredential(bot.TenantId, bot.AppId, bot.AppPassword, authority is null ? new() : new ClientSecretCredentialOptions { AuthorityHost = authority })
            : new DefaultAzureCredential(authority is null ? new() : new DefaultAzureCredentialOptions { AuthorityHost = authority });
    }
}
