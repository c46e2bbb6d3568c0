using CheckinBot.Core.Messaging;
using CheckinBot.Teams.Authentication;
using CheckinBot.Teams.Feedback;
using CheckinBot.Teams.Managers;
using CheckinBot.Teams.Bot;
using CheckinBot.Teams.CheckIns;
using CheckinBot.Teams.Goals;
using CheckinBot.Teams.GrowthLog;
using CheckinBot.Teams.Connector;
using CheckinBot.Teams.Proactive;
using CheckinBot.Teams.Welcome;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;

namespace CheckinBot.Teams;

public static class HostingExtensions
{
    /// <summary>
    /// The Teams protocol: inbound token validation, the connector client with its <c>teams-send</c> pipeline,
    /// the outbound token provider and the activity handler. Configuration shape:
    /// <code>"Bot": { "AppId": "", "AppPassword": "", "TenantId": "", "AppType": "SingleTenant", "TrustedServiceUrlHosts": [] }</code>
    /// </summary>
    public static IHostApplicationBuilder AddCheckinTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName)
            .Validate(o => o.IsLocalMode || o.AppType == BotAppType.MultiTenant || !string.IsNullOrWhiteSpace(o.TenantId),
                "Bot:TenantId is required for SingleTenant and UserAssignedMsi bots.")
            .Validate(o => o.AppType != BotAppType.UserAssignedMsi || Guid.TryParse(o.AppId, out _),
                "Bot:AppId must be the user-assigned managed identity's client id (a GUID) when Bot:AppType=UserAssignedMsi.")
            .Validate(o => o.AppType != BotAppType.UserAssignedMsi || string.IsNullOrEmpty(o.AppPassword),
                "Bot:AppPassword must be empty when Bot:AppType=UserAssignedMsi: the managed identity has no secret, and one left here would be a secret to leak.")
            .Validate(o => o.IsLocalMode || o.AppType == BotAppType.UserAssignedMsi || !string.IsNullOrWhiteSpace(o.AppPassword),
                "Bot:AppPassword is required when Bot:AppId is set and Bot:AppType is SingleTenant or MultiTenant: outbound Bot Connector tokens are requested with it (or use Bot:AppType=UserAssignedMsi).")
            .Validate(o => string.IsNullOrWhiteSpace(o.SsoAppId) || Guid.TryParse(o.SsoAppId, out _),
                "Bot:SsoAppId must be the sign-in app registration's id (a GUID), or empty.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TeamsAppId) || Guid.TryParse(o.TeamsAppId, out _),
                "Bot:TeamsAppId must be the Teams app's id from its manifest (a GUID), or empty.")
            .Validate(o => Uri.TryCreate(o.Authority, UriKind.Absolute, out var authority) && authority.Scheme is "https" or "http",
                "Bot:Authority must be an absolute URL such as https://login.microsoftonline.com.")
            .Validate(o => o.IsLocalMode || o.AllowedTenants.Count > 0 || !string.IsNullOrWhiteSpace(o.TenantId) || o.AllowAnyTenant,
                "A MultiTenant bot needs Bot:AllowedTenants (or Bot:TenantId) naming the tenants it serves; set Bot:AllowAnyTenant=true only if it really serves every tenant.")
            .Validate<IHostEnvironment>((o, environment) => !o.IsLocalMode || !environment.IsProduction() || o.DangerouslyAllowUnauthenticatedInProduction,
                "Bot:AppId is empty, which is local mode (no token checks), and the environment is Production. Set Bot:AppId (and Bot:TenantId). "
                + "Only to run unauthenticated on purpose, set Bot:DangerouslyAllowUnauthenticatedInProduction=true.")
            .ValidateOnStart();
        services.AddOptions<ConnectorResilienceOptions>().BindConfiguration(ConnectorResilienceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient(OpenIdMetadataCache.HttpClientName);
        services.AddSingleton<OpenIdMetadataCache>();
        services.AddSingleton<InboundTokenValidator>();
        // A singleton, so the cached token is shared by every sender in the process.
        services.AddHttpClient(BotConnectorTokenProvider.HttpClientName);
        services.AddSingleton<IConnectorTokenProvider>(sp => new BotConnectorTokenProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(BotConnectorTokenProvider.HttpClientName),
            sp.GetRequiredService<IOptions<BotOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<BotOptions>>().Value.AppType == BotAppType.UserAssignedMsi ? sp.GetRequiredService<Azure.Core.TokenCredential>() : null));
        services.AddSingleton<TrustedServiceUrls>();

        services.AddResiliencePipeline<string, HttpResponseMessage>(ConnectorResilience.PipelineKey, (pipeline, context) =>
            ConnectorResilience.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<ConnectorResilienceOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                context.ServiceProvider.GetService<CheckinBot.Core.Messaging.IRateBudget>()));
        // Retries live in the teams-send pipeline, where they know which requests are safe to repeat.
        // Singletons (the proactive messenger behind Core's messaging port) keep their client, so connections are
        // recycled by the handler itself rather than by the factory's rotation.
        services.AddHttpClient<ConnectorClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<CheckinConversation>();
        services.AddSingleton<IChatFeature>(sp => sp.GetRequiredService<CheckinConversation>());
        services.AddSingleton<IChatFeature, HelpFeature>();
        services.AddSingleton<IChatFeature, Away.AwayConversation>();
        services.AddSingleton<IChatFeature, ReviewPacks.ReviewPackConversation>();
        services.AddSingleton<IChatFeature, GoalsConversation>();
        services.AddSingleton<IChatFeature, GrowthLogConversation>();
        services.AddSingleton<IChatFeature, FeedbackConversation>();
        services.AddSingleton<IChatFeature, ManagerConversation>();
        services.AddSingleton<IChatFeature, Cadences.CadenceConversation>();
        services.AddSingleton<IChatFeature, Insights.StatsConversation>();
        services.AddSingleton<IChatFeature, Handovers.HandoverConversation>();
        services.AddSingleton<IChatFeature, QuestionSets.QuestionSetConversation>();
        services.AddSingleton<IPersonMessenger, TeamsPersonMessenger>();
        services.AddSingleton<TeamsActivityHandler, CheckinActivityHandler>();
        services.AddTransient<BotRequestProcessor>();
        services.AddSingleton<TurnFailures>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTeamsBot(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(pattern, (HttpContext http, BotRequestProcessor processor) => processor.ProcessAsync(http))
            .DisableAntiforgery();
        return endpoints;
    }
}
