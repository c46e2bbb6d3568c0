using Azure.Core;
using Azure.Identity;
using CheckinBot.Core.Away;
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
    /// Microsoft Graph as the org chart source, signed in as the bot with the host's <see cref="TokenCredential"/> (its
    /// managed identity, or its client secret). Configuration shape: <code>"Graph": { "BaseUrl": "https://graph.microsoft.com/v1.0" }</code>
    /// </summary>
    public static IHostApplicationBuilder AddCheckinGraph(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName)
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((o, configuration) => o.ManifestAppId ??= configuration["Bot:TeamsAppId"])
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GraphCalls>();
        services.AddSingleton<GraphBatch>();
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
        services.AddSingleton<IAutomaticReplies, Away.GraphAutomaticReplies>();
        return builder;
    }
}
