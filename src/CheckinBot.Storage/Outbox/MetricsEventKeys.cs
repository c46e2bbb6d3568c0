using System.Globalization;
using CheckinBot.Core.Insights.Events;
using CheckinBot.Core.Insights.Events.CheckinCompleted;
using CheckinBot.Core.Insights.Events.CheckinSnoozed;
using CheckinBot.Core.Insights.Events.CheckinStarted;
using CheckinBot.Core.Insights.Events.ChunkFinished;
using CheckinBot.Core.Insights.Events.FeedbackAnswered;
using CheckinBot.Core.Insights.Events.FeedbackAsked;
using CheckinBot.Core.Insights.Events.GoalChanged;
using CheckinBot.Core.Insights.Events.ManagerReplied;

namespace CheckinBot.Storage.Outbox;

/// <summary>
/// How a metrics event is written as an outbox row's item (<c>{owner}|{item}</c>): a prefix per kind, a finished
/// check-in's bare id. The format predates the typed events, so rows noted before an upgrade still read.
/// </summary>
internal static class MetricsEventKeys
{
    private const string Chunk = "chunk-";
    private const string Ask = "ask-";
    private const string Answer = "answer-";
    private const string Reply = "reply-";
    private const string Goal = "goal-";
    private const string Snooze = "snooze-";
    private const string Start = "start-";

    public static string ItemOf(MetricsEvent metricsEvent) => metricsEvent switch
    {
        CheckinCompleted e => e.CheckinId,
        CheckinStarted e => Start + e.CheckinId,
        CheckinSnoozed e => Snooze + e.Until.UtcTicks.ToString(CultureInfo.InvariantCulture),
        GoalChanged e => $"{Goal}{e.GoalId}-{e.Change}",
        ChunkFinished e => Chunk + e.Chunk.ToString(CultureInfo.InvariantCulture),
        FeedbackAsked e => Ask + e.AskId,
        FeedbackAnswered e => Answer + e.AskId,
        ManagerReplied e => Reply + e.CheckinId,
        _ => throw new ArgumentException($"No outbox format for {metricsEvent.GetType().Name}.", nameof(metricsEvent)),
    };

    /// <summary>The event a row holds; null for a row no version of the bot wrote (it is dropped).</summary>
    public static MetricsEvent? Parse(string owner, string item) => item switch
    {
        _ when item.StartsWith(Chunk, StringComparison.Ordinal) =>
            int.TryParse(item[Chunk.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var chunk) ? new ChunkFinished(owner, chunk) : null,
        _ when item.StartsWith(Ask, StringComparison.Ordinal) => new FeedbackAsked(owner, item[Ask.Length..]),
        _ when item.StartsWith(Answer, StringComparison.Ordinal) => new FeedbackAnswered(owner, item[Answer.Length..]),
        _ when item.StartsWith(Reply, StringComparison.Ordinal) => new ManagerReplied(owner, item[Reply.Length..]),
        _ when item.StartsWith(Snooze, StringComparison.Ordinal) =>
            long.TryParse(item[Snooze.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                ? new CheckinSnoozed(owner, new DateTimeOffset(ticks, TimeSpan.Zero)) : null,
        _ when item.StartsWith(Start, StringComparison.Ordinal) => new CheckinStarted(owner, item[Start.Length..]),
        // Milestone and goal ids hold no '-', so the change is what follows the last one.
        _ when item.StartsWith(Goal, StringComparison.Ordinal) => item.LastIndexOf('-') is var dash && dash > Goal.Length
            ? new GoalChanged(owner, item[Goal.Length..dash], item[(dash + 1)..]) : null,
        _ => new CheckinCompleted(owner, item),
    };
}
