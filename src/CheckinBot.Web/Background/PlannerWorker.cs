using CheckinBot.Core.Runs;

namespace CheckinBot.Web.Background;

/// <summary>Every five minutes, the instance holding the planner lease plans the cadences' coming cycles.</summary>
internal sealed class PlannerWorker(CadencePlanner planner, ILeaderLease leases, TimeProvider timeProvider, ILogger<PlannerWorker> logger)
    : PeriodicWorker(timeProvider, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var lease = await leases.TryAcquireAsync("planner", cancellationToken);
        if (lease is not null)
            await planner.PlanDueAsync(cancellationToken);
    }
}
