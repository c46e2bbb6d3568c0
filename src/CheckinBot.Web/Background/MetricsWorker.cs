using CheckinBot.Core.Insights;

namespace CheckinBot.Web.Background;

/// <summary>Adds completed check-ins to the metrics rollups every 30 seconds, and retakes the census when it is due.</summary>
internal sealed class MetricsWorker(MetricsAggregator aggregator, MetricsCensusService census, TimeProvider timeProvider, ILogger<MetricsWorker> logger)
    : PeriodicWorker(timeProvider, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await census.TakeIfDueAsync(cancellationToken);
        while (await aggregator.FoldPendingAsync(cancellationToken) > 0)
        {
            // a full sweep: more may be due
        }
    }
}
