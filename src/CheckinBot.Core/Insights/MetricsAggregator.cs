using CheckinBot.Core.Goals;
using CheckinBot.Core.Insights.Events;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Insights;

/// <summary>
/// Keeps the rollups current within a sweep: every metrics event (<see cref="MetricsEvent"/>) is noted in the outbox
/// before the write it describes; a sweep folds each due one with its kind's <see cref="IMetricsEventFold"/> into the
/// groups its person is in now, once, refreshes the goal stocks the events moved, and drops the events.
/// </summary>
public sealed class MetricsAggregator(
    IMetricsOutbox outbox,
    IEnumerable<IMetricsEventFold> folds,
    IOrgDirectory directory,
    IMetricsStore metrics,
    IGoalStore goals,
    MetricsCensusService census,
    TimeProvider timeProvider)
{
    private readonly Dictionary<Type, IMetricsEventFold> _folds = folds.ToDictionary(f => f.EventType);

    /// <summary>Folds one sweep's worth of due events in one batch; returns how many it covered.</summary>
    public async Task<int> FoldPendingAsync(CancellationToken cancellationToken)
    {
        var found = new List<MetricFold>();
        var done = new List<MetricsEvent>();
        var context = new FoldContext(directory);
        var stockOwners = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // people whose goals may have moved
        foreach (var noted in await outbox.ListDueAsync(OutboxEntry.SweepSize, cancellationToken))
        {
            var folded = await _folds[noted.Event.GetType()].FoldAsync(noted, context, cancellationToken);
            if (folded is null)
            {
                // Not committed (yet, or ever), or erased since: counted only once it exists.
                if (timeProvider.GetUtcNow() - noted.NotedAt > OutboxEntry.AbandonedAfter)
                    await outbox.ForgetAsync(noted.Event, cancellationToken);
                continue;
            }
            found.AddRange(folded);
            done.Add(noted.Event);
            if (noted.Event.MovesGoalStock)
                stockOwners.Add(noted.Event.OwnerId);
        }
        if (done.Count == 0)
            return 0;
        await metrics.FoldAsync(found, cancellationToken);
        // A snapshot from the goals as they are now, so a retry or a race writes the same or a newer one.
        foreach (var userId in stockOwners)
        {
            var active = (await goals.ListGoalsAsync(userId, cancellationToken)).Where(g => g.Status == GoalStatus.Active).Select(g => g.Percent).ToList();
            await metrics.SaveGoalStockAsync(new PersonGoalStock(userId, active), cancellationToken);
            census.NoteGoalStocksWritten();
        }
        foreach (var metricsEvent in done)
            await outbox.ForgetAsync(metricsEvent, cancellationToken);
        return done.Count;
    }
}
