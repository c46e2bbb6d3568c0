using CheckinBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace CheckinBot.Graph.Install;

/// <summary>
/// Installs the bot in a person's personal scope: <c>POST /users/{id}/teamwork/installedApps</c> binding the app's
/// org-catalog id (<c>Graph:TeamsCatalogAppId</c>). 409 means it is installed already; 403 that the permission is missing.
/// Each install makes Teams open a chat and send the bot an event, so it takes a slot of the shared budget like a send.
/// </summary>
internal sealed partial class GraphAppInstaller(GraphServiceClient graph, GraphCalls calls, IRateBudget budget, IOptions<GraphOptions> options, ILogger<GraphAppInstaller> logger) : IAppInstaller
{
    public async Task<AppInstallOutcome> InstallForAsync(string userId, SendPriority priority, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.TeamsCatalogAppId))
            return AppInstallOutcome.NotConfigured;
        await budget.AcquireAsync(priority, cancellationToken);
        var outcome = await TryInstallAsync(userId, options.Value.TeamsCatalogAppId, cancellationToken);
        LogInstall(logger, userId, outcome);
        return outcome;
    }

    private async Task<AppInstallOutcome> TryInstallAsync(string userId, string catalogAppId, CancellationToken cancellationToken)
    {
        try
        {
            await calls.CallAsync(async ct =>
            {
                await graph.Users[userId].Teamwork.InstalledApps.PostAsync(new UserScopeTeamsAppInstallation
                {
                    AdditionalData = new Dictionary<string, object>
                    {
                        ["teamsApp@odata.bind"] = $"{options.Value.BaseUrl.ToString().TrimEnd('/')}/appCatalogs/teamsApps/{Uri.EscapeDataString(catalogAppId)}",
                    },
                }, cancellationToken: ct);
                return true;
            }, cancellationToken);
            return AppInstallOutcome.Requested;
        }
        catch (ODataError error)
        {
            return error.ResponseStatusCode switch
            {
                409 => AppInstallOutcome.AlreadyInstalled,
                401 or 403 => AppInstallOutcome.NotPermitted,
                404 => AppInstallOutcome.NotFound,
                _ => AppInstallOutcome.Failed,
            };
        }
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Installing CheckinBot for {UserId}: {Outcome}")]
    private static partial void LogInstall(ILogger logger, string userId, AppInstallOutcome outcome);
}
