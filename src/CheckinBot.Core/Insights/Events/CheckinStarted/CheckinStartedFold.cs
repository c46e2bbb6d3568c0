using CheckinBot.Core.CheckIns;

namespace CheckinBot.Core.Insights.Events.CheckinStarted;

/// <summary>A sent check-in's first answer, on the day it was given, once the draft (or the finished check-in) holds it.</summary>
public sealed class CheckinStartedFold(ICheckinStore checkins) : MetricsEventFold<CheckinStarted>
{
    protected override async Task<IReadOnlyList<MetricFold>?> FoldAsync(CheckinStarted started, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken)
    {
        var occurrenceId = await checkins.FindDraftAsync(started.UserId, cancellationToken) is { } draft && draft.CheckinId == started.CheckinId && !draft.Answers.IsEmpty
            ? draft.OccurrenceId
            : (await checkins.ListCheckinsAsync(started.UserId, cancellationToken)).FirstOrDefault(r => r.CheckinId == started.CheckinId)?.OccurrenceId;
        return occurrenceId is null ? null
            : [new MetricFold(FoldContext.FoldId($"start|{started.UserId}|{started.CheckinId}"), DateOnly.FromDateTime(notedAt.UtcDateTime),
                await context.GroupsOfAsync(started.UserId, FoldContext.CadenceOf(occurrenceId), cancellationToken), new MetricTally { Started = 1 })];
    }
}
