using Azure.Core;
using Azure.Identity;
using CheckinBot.Core.Org;
using CheckinBot.Core.Messaging;
using CheckinBot.Graph.Install;
using CheckinBot.Graph.Org;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace CheckinBot.Graph;

public static class HostingExtensions
{
    /// <summary>
    /// Microsoft Graph as the org chart source, signed in as the bot (its client secret, or a managed identity when
    /// there is none). Configuration shape: <code>"Graph": { "BaseUrl": "https://graph.microsoft.com/v1.0" }</code>
    /// </summary>
    public static IHostApplicationBuilder AddCheckinGraph(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName);
        services.AddOptions<GraphCredentialOptions>().BindConfiguration(GraphCredentialOptions.SectionName);
        services.TryAddSingleton<TokenCredential>(sp => CreateCredential(sp.GetRequiredService<IOptions<GraphCredentialOptions>>().Value));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var baseUrl = options.BaseUrl;
            var auth = new CredentialAuthenticationProvider(sp.GetRequiredService<TokenCredential>(), options);
            // The SDK's default handlers retry throttled and failed whole requests; we add none on top.
            return new GraphServiceClient(GraphClientFactory.Create(), auth, baseUrl.ToString().TrimEnd('/'));
        });
        services.AddSingleton<IOrgChartSource, GraphOrgChartSource>();
        services.AddSingleton<IAppInstaller, GraphAppInstaller>();
        services.AddSingleton<IGroupMembers, Groups.GraphGroupMembers>();
        return builder;
    }

    /// <summary>
    /// The bot's secret when it has one, else a managed identity; either way from <c>Bot:Authority</c>'s cloud.
    /// Azure.Identity accepts only an https authority: a loopback http one (tests standing in for Entra) keeps its default.
    /// </summary>
    private static TokenCredential CreateCredential(GraphCredentialOptions bot)
    {
        var authority = bot.Authority.Scheme == Uri.UriSchemeHttps ? bot.Authority : null;
        return !string.IsNullOrEmpty(bot.AppPassword) && !string.IsNullOrEmpty(bot.TenantId) && !string.IsNullOrEmpty(bot.AppId)
            ? new ClientSecretCredential(bot.TenantId, bot.AppId, bot.AppPassword, authority is null ? new() : new ClientSecretCredentialOptions { AuthorityHost = authority })
            : new DefaultAzureCredential(authority is null ? new() : new DefaultAzureCredentialOptions { AuthorityHost = authority });
    }
}
