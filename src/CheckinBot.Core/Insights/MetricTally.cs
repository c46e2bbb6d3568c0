using CheckinBot.Core.CheckIns;

namespace CheckinBot.Core.Insights;

/// <summary>
/// What a group's check-ins add up to on one day, as stored in the rollups: counts and fixed-bucket histograms only, so
/// a query sums rows instead of reading check-ins, and nothing anyone wrote can be in it.
/// </summary>
public sealed record MetricTally
{
    /// <summary>Upper bounds (minutes, inclusive) of the time-to-complete buckets; the last bucket is everything longer.</summary>
    public static readonly int[] MinuteBounds = [1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440];

    public int Completed { get; init; }

    /// <summary>Completed check-ins the person started themselves (no cadence sent them one).</summary>
    public int SelfStarted { get; init; }
    public int Shared { get; init; }

    /// <summary>Energy answers per value 1–5.</summary>
    public int[] Energy { get; init; } = new int[5];

    /// <summary>Completed check-ins per time-to-complete bucket (<see cref="MinuteBounds"/>, then one for longer).</summary>
    public int[] Minutes { get; init; } = new int[MinuteBounds.Length + 1];

    public static MetricTally Of(CheckinRecord record)
    {
        var energy = new int[5];
        if (record.Energy is { } value && value is >= 1 and <= 5)
            energy[value - 1] = 1;
        var minutes = new int[MinuteBounds.Length + 1];
        minutes[BucketOf((record.CompletedAt - record.StartedAt).TotalMinutes)] = 1;
        return new MetricTally
        {
            Completed = 1,
            SelfStarted = record.OccurrenceId is null ? 1 : 0,
            Shared = record.SharedWithManager ? 1 : 0,
            Energy = energy,
            Minutes = minutes,
        };
    }

    public MetricTally Add(MetricTally other) => new()
    {
        Completed = Completed + other.Completed,
        SelfStarted = SelfStarted + other.SelfStarted,
        Shared = Shared + other.Shared,
        Energy = [.. Energy.Zip(other.Energy, (a, b) => a + b)],
        Minutes = [.. Minutes.Zip(other.Minutes, (a, b) => a + b)],
    };

    public int EnergyResponses => Energy.Sum();

    public double? EnergyMean => EnergyResponses == 0 ? null : Math.Round(Energy.Select((n, i) => n * (i + 1)).Sum() / (double)EnergyResponses, 2);

    /// <summary>
    /// The median time to complete, interpolated within its bucket (the last, open bucket counts as its lower bound):
    /// exact to the bucket, which is what a rollup can know.
    /// </summary>
    public double? MedianMinutesToComplete
    {
        get
        {
            var total = Minutes.Sum();
            if (total == 0)
                return null;
            var middle = total / 2.0;
            var seen = 0;
            for (var i = 0; i < Minutes.Length; i++)
            {
                if (seen + Minutes[i] >= middle && Minutes[i] > 0)
                {
                    var low = i == 0 ? 0 : MinuteBounds[i - 1];
                    if (i == MinuteBounds.Length)
                        return low;
                    return Math.Round(low + ((MinuteBounds[i] - low) * (middle - seen) / Minutes[i]), 1);
                }
                seen += Minutes[i];
            }
            return null;
        }
    }

    private static int BucketOf(double minutes)
    {
        for (var i = 0; i < MinuteBounds.Length; i++)
        {
            if (minutes <= MinuteBounds[i])
                return i;
        }
        return MinuteBounds.Length;
    }
}
