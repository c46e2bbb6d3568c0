using CheckinBot.Core.CheckIns;

namespace CheckinBot.Core.Insights.Events.CheckinCompleted;

/// <summary>The check-in's answers (energy, wins, shared or not) on the day it was finished, in the cadence it answered.</summary>
public sealed class CheckinCompletedFold(ICheckinStore checkins) : MetricsEventFold<CheckinCompleted>
{
    protected override async Task<IReadOnlyList<MetricFold>?> FoldAsync(CheckinCompleted completed, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken)
    {
        var record = (await checkins.ListCheckinsAsync(completed.UserId, cancellationToken)).FirstOrDefault(r => r.CheckinId == completed.CheckinId);
        return record is null ? null
            : [new MetricFold(FoldContext.FoldId(record.UserId + "|" + record.CheckinId), DateOnly.FromDateTime(record.CompletedAt.UtcDateTime),
                await context.GroupsOfAsync(record.UserId, FoldContext.CadenceOf(record.OccurrenceId), cancellationToken), MetricTally.Of(record))];
    }
}
