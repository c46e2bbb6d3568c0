using CheckinBot.Core.Feedback;

namespace CheckinBot.Core.Insights.Events.FeedbackAsked;

/// <summary>A request, on the day it was made.</summary>
public sealed class FeedbackAskedFold(IFeedbackStore feedback) : MetricsEventFold<FeedbackAsked>
{
    protected override async Task<IReadOnlyList<MetricFold>?> FoldAsync(FeedbackAsked asked, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken) =>
        await feedback.FindAskAsync(asked.RequesterId, asked.AskId, cancellationToken) is { } ask
            ? [new MetricFold(FoldContext.FoldId($"ask|{asked.RequesterId}|{asked.AskId}"), DateOnly.FromDateTime(ask.CreatedAt.UtcDateTime),
                await context.GroupsOfAsync(asked.RequesterId, null, cancellationToken), new MetricTally { FeedbackRequested = 1 })]
            : null;
}
