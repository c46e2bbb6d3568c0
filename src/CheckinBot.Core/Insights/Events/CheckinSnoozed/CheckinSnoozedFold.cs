using System.Globalization;
using CheckinBot.Core.CheckIns;

namespace CheckinBot.Core.Insights.Events.CheckinSnoozed;

/// <summary>A snooze, on the day it was asked for, once the person's preferences hold it.</summary>
public sealed class CheckinSnoozedFold(ICheckinStore checkins) : MetricsEventFold<CheckinSnoozed>
{
    protected override async Task<IReadOnlyList<MetricFold>?> FoldAsync(CheckinSnoozed snoozed, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken)
    {
        if ((await checkins.FindPreferencesAsync(snoozed.UserId, cancellationToken))?.SnoozedUntil?.UtcTicks != snoozed.Until.UtcTicks)
            return null;
        return [new MetricFold(FoldContext.FoldId($"{snoozed.UserId}|snooze-{snoozed.Until.UtcTicks.ToString(CultureInfo.InvariantCulture)}"), DateOnly.FromDateTime(notedAt.UtcDateTime),
            await context.GroupsOfAsync(snoozed.UserId, null, cancellationToken), new MetricTally { Snoozed = 1 })];
    }
}
