using CheckinBot.Core.Insights;

namespace CheckinBot.Storage.Insights;

/// <summary>A tally as a fixed row of counts (completed, self-started, shared, energy 1–5, time buckets), for compact storage.</summary>
internal static class TallyCounts
{
    public static readonly int Width = 3 + 5 + MetricTally.MinuteBounds.Length + 1;

    public static void AddTo(MetricTally tally, Span<int> counts)
    {
        counts[0] += tally.Completed;
        counts[1] += tally.SelfStarted;
        counts[2] += tally.Shared;
        for (var i = 0; i < 5; i++)
            counts[3 + i] += tally.Energy[i];
        for (var i = 0; i < tally.Minutes.Length; i++)
            counts[8 + i] += tally.Minutes[i];
    }

    public static MetricTally Read(ReadOnlySpan<int> counts) => new()
    {
        Completed = counts[0],
        SelfStarted = counts[1],
        Shared = counts[2],
        Energy = counts.Slice(3, 5).ToArray(),
        Minutes = counts.Slice(8, MetricTally.MinuteBounds.Length + 1).ToArray(),
    };
}
