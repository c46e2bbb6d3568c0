using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Web.Background;

/// <summary>Finishes erasures that a crash or a storage fault cut short, every minute.</summary>
internal sealed class ErasureWorker(GrowthLogService log, TimeProvider timeProvider, ILogger<ErasureWorker> logger)
    : PeriodicWorker(timeProvider, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => log.FinishUnfinishedAsync(cancellationToken);
}
