using CheckinBot.Core.Org;
using Microsoft.Extensions.Options;

namespace CheckinBot.Web.Background;

/// <summary>Keeps the cached Graph org chart current: at start-up, then every <c>OrgDirectory:SyncInterval</c> (daily).</summary>
internal sealed class OrgSyncWorker(OrgSyncService sync, IOptions<OrgDirectoryOptions> options, TimeProvider timeProvider, ILogger<OrgSyncWorker> logger)
    : PeriodicWorker(timeProvider, logger)
{
    protected override TimeSpan Interval => options.Value.SyncInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sync.SyncAsync(cancellationToken);
}
