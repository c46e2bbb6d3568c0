using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;

namespace CheckinBot.Core.Insights.Events.ManagerReplied;

/// <summary>
/// The manager's first reply on a shared check-in: counted on the check-in's day when it came within seven days
/// (later ones, and replies after the first, count nothing).
/// </summary>
public sealed class ManagerRepliedFold(ICheckinStore checkins, IFeedbackStore feedback) : MetricsEventFold<ManagerReplied>
{
    protected override async Task<IReadOnlyList<MetricFold>?> FoldAsync(ManagerReplied replied, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken)
    {
        var record = (await checkins.ListCheckinsAsync(replied.UserId, cancellationToken)).FirstOrDefault(r => r.CheckinId == replied.CheckinId);
        var first = (await feedback.ListNotesAsync(replied.UserId, cancellationToken)).Where(n => n.RegardingCheckinId == replied.CheckinId).MinBy(n => n.CreatedAt);
        if (record is null || first is null)
            return null;
        if (!record.SharedWithManager || first.CreatedAt - record.CompletedAt > TimeSpan.FromDays(7))
            return [];
        return [new MetricFold(FoldContext.FoldId($"reply|{replied.UserId}|{replied.CheckinId}"), DateOnly.FromDateTime(record.CompletedAt.UtcDateTime),
            await context.GroupsOfAsync(replied.UserId, FoldContext.CadenceOf(record.OccurrenceId), cancellationToken), new MetricTally { SharedReplied = 1 })];
    }
}
