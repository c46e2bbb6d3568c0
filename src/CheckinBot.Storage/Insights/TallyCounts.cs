using CheckinBot.Core.Insights;

namespace CheckinBot.Storage.Insights;

/// <summary>
/// A tally as a fixed row of counts, for compact storage: completed, self-started, shared, energy 1–5, the time buckets,
/// then (added later, so at the end) sent, reached, skipped and unreachable per reason, then feedback requested, answered
/// per time bucket, and shared check-ins replied to, then goals created, milestones reached and goals completed, then
/// snoozes, then check-ins started from a send, then check-ins not asked because the person was away. A row
/// written before the later counts existed reads zeros for them. 366 days of these stay under a binary property's 64 KiB.
/// </summary>
internal static class TallyCounts
{
    private static readonly int Reasons = Enum.GetValues<UnreachableReason>().Length;

    /// <summary>The width of the first layout (before the run outcomes).</summary>
    public static readonly int FirstWidth = 3 + 5 + MetricTally.MinuteBounds.Length + 1;

    private static readonly int Feedback = FirstWidth + 3 + Reasons;

    private static readonly int Replied = Feedback + 1 + MetricTally.HourBounds.Length + 1;

    public static readonly int Width = Replied + 1 + 3 + 1 + 1 + 1;

    public static void AddTo(MetricTally tally, Span<int> counts)
    {
        counts[0] += tally.Completed;
        counts[1] += tally.SelfStarted;
        counts[2] += tally.Shared;
        for (var i = 0; i < 5; i++)
            counts[3 + i] += tally.Energy[i];
        for (var i = 0; i < tally.Minutes.Length; i++)
            counts[8 + i] += tally.Minutes[i];
        counts[FirstWidth] += tally.Sent;
        counts[FirstWidth + 1] += tally.Reached;
        counts[FirstWidth + 2] += tally.Skipped;
        for (var i = 0; i < Reasons; i++)
            counts[FirstWidth + 3 + i] += tally.Unreachable[i];
        counts[Feedback] += tally.FeedbackRequested;
        for (var i = 0; i < tally.AnswerHours.Length; i++)
            counts[Feedback + 1 + i] += tally.AnswerHours[i];
        counts[Replied] += tally.SharedReplied;
        counts[Replied + 1] += tally.GoalsCreated;
        counts[Replied + 2] += tally.MilestonesReached;
        counts[Replied + 3] += tally.GoalsCompleted;
        counts[Replied + 4] += tally.Snoozed;
        counts[Replied + 5] += tally.Started;
        counts[Replied + 6] += tally.Away;
    }

    public static MetricTally Read(ReadOnlySpan<int> counts) => new()
    {
        Completed = counts[0],
        SelfStarted = counts[1],
        Shared = counts[2],
        Energy = counts.Slice(3, 5).ToArray(),
        Minutes = counts.Slice(8, MetricTally.MinuteBounds.Length + 1).ToArray(),
        Sent = counts[FirstWidth],
        Reached = counts[FirstWidth + 1],
        Skipped = counts[FirstWidth + 2],
        Unreachable = counts.Slice(FirstWidth + 3, Reasons).ToArray(),
        FeedbackRequested = counts[Feedback],
        AnswerHours = counts.Slice(Feedback + 1, MetricTally.HourBounds.Length + 1).ToArray(),
        SharedReplied = counts[Replied],
        GoalsCreated = counts[Replied + 1],
        MilestonesReached = counts[Replied + 2],
        GoalsCompleted = counts[Replied + 3],
        Snoozed = counts[Replied + 4],
        Started = counts[Replied + 5],
        Away = counts[Replied + 6],
    };

    /// <summary>A year's block in the current width, whatever width it was written in.</summary>
    public static int[] Widen(int[] counts, int days)
    {
        var width = counts.Length / days;
        if (width == Width)
            return counts;
        var wide = new int[days * Width];
        for (var day = 0; day < days; day++)
            counts.AsSpan(day * width, Math.Min(width, Width)).CopyTo(wide.AsSpan(day * Width));
        return wide;
    }
}
