using CheckinBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace CheckinBot.Graph.Install;

/// <summary>
/// Installs the bot in a person's personal scope: <c>POST /users/{id}/teamwork/installedApps</c> binding the app's
/// org-catalog id. That id is <c>Graph:TeamsCatalogAppId</c> when set, else found once in the org catalog by the
/// manifest's id (<c>GET /appCatalogs/teamsApps?$filter=externalId eq '{id}'</c>, https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps)
/// and remembered; while the app is not in the catalog yet, it is looked for again at most every
/// <see cref="LookAgainAfter"/>. 409 means it is installed already; 403 that the permission is missing. Each install
/// makes Teams open a chat and send the bot an event, so it takes a slot of the shared budget like a send.
/// </summary>
internal sealed partial class GraphAppInstaller(
    GraphServiceClient graph, GraphCalls calls, IRateBudget budget, IOptions<GraphOptions> options, TimeProvider timeProvider, ILogger<GraphAppInstaller> logger) : IAppInstaller, IDisposable
{
    public static readonly TimeSpan LookAgainAfter = TimeSpan.FromMinutes(10);

    private string? _catalogAppId = string.IsNullOrWhiteSpace(options.Value.TeamsCatalogAppId) ? null : options.Value.TeamsCatalogAppId.Trim();
    private readonly SemaphoreSlim _lookup = new(1, 1);
    private DateTimeOffset _lookedAt = DateTimeOffset.MinValue;

    public void Dispose() => _lookup.Dispose();

    public async Task<AppInstallOutcome> InstallForAsync(string userId, SendPriority priority, CancellationToken cancellationToken)
    {
        if (await CatalogAppIdAsync(cancellationToken) is not { } catalogAppId)
            return string.IsNullOrWhiteSpace(options.Value.ManifestAppId) ? AppInstallOutcome.NotConfigured : AppInstallOutcome.NotFound;
        await budget.AcquireAsync(priority, cancellationToken);
        var outcome = await TryInstallAsync(userId, catalogAppId, cancellationToken);
        LogInstall(logger, userId, outcome);
        return outcome;
    }

    private async Task<string?> CatalogAppIdAsync(CancellationToken cancellationToken)
    {
        if (_catalogAppId is not null || string.IsNullOrWhiteSpace(options.Value.ManifestAppId))
            return _catalogAppId;
        await _lookup.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_catalogAppId is not null || now - _lookedAt < LookAgainAfter)
                return _catalogAppId;
            _lookedAt = now;
            var manifestId = options.Value.ManifestAppId.Trim();
            var filter = $"externalId eq '{manifestId.Replace("'", "''", StringComparison.Ordinal)}'";
            var apps = await calls.CallAsync(ct => graph.AppCatalogs.TeamsApps.GetAsync(r => r.QueryParameters.Filter = filter, ct), cancellationToken);
            _catalogAppId = apps?.Value?.FirstOrDefault()?.Id;
            if (_catalogAppId is null)
                LogNotInCatalog(logger, manifestId);
            return _catalogAppId;
        }
        catch (ODataError error)
        {
            LogCatalogRefused(logger, error.ResponseStatusCode);
            return null;
        }
        finally
        {
            _lookup.Release();
        }
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

    [LoggerMessage(EventId = 8302, Level = LogLevel.Warning, Message = "The Teams app {ManifestAppId} is not in the org's app catalog yet: upload manifest/checkinbot.zip in the Teams admin center (proactive installs wait for it)")]
    private static partial void LogNotInCatalog(ILogger logger, string manifestAppId);

    [LoggerMessage(EventId = 8303, Level = LogLevel.Warning, Message = "Reading the org's Teams app catalog was refused ({Status}): proactive installs wait")]
    private static partial void LogCatalogRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Installing CheckinBot for {UserId}: {Outcome}")]
    private static partial void LogInstall(ILogger logger, string userId, AppInstallOutcome outcome);
}
