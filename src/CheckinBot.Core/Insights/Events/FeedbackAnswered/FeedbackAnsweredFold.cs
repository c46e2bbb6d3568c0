using CheckinBot.Core.Feedback;

namespace CheckinBot.Core.Insights.Events.FeedbackAnswered;

/// <summary>An answer, on the day it came, with how long it took.</summary>
public sealed class FeedbackAnsweredFold(IFeedbackStore feedback) : MetricsEventFold<FeedbackAnswered>
{
    protected override async Task<IReadOnlyList<MetricFold>?> FoldAsync(FeedbackAnswered answered, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken) =>
        await feedback.FindAskAsync(answered.RequesterId, answered.AskId, cancellationToken) is { AnsweredAt: { } at } ask
            ? [new MetricFold(FoldContext.FoldId($"answer|{answered.RequesterId}|{answered.AskId}"), DateOnly.FromDateTime(at.UtcDateTime),
                await context.GroupsOfAsync(answered.RequesterId, null, cancellationToken), MetricTally.Answered(at - ask.CreatedAt))]
            : null;
}
