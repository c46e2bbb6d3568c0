using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Insights;

/// <summary>
/// What a group's check-ins add up to on one day, as stored in the rollups: counts and fixed-bucket histograms only, so
/// a query sums rows instead of reading check-ins, and nothing anyone wrote can be in it.
/// </summary>
public sealed record MetricTally
{
    /// <summary>Upper bounds (minutes, inclusive) of the time-to-complete buckets; the last bucket is everything longer.</summary>
    public static readonly int[] MinuteBounds = [1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440];

    /// <summary>Upper bounds (hours, inclusive) of the time-to-answer buckets of feedback requests; then longer.</summary>
    public static readonly int[] HourBounds = [1, 4, 12, 24, 48, 96, 168];

    /// <summary>Check-ins a run sent (confirmed or not).</summary>
    public int Sent { get; init; }

    /// <summary>Of <see cref="Sent"/>, those Teams confirmed it delivered.</summary>
    public int Reached { get; init; }

    /// <summary>Check-ins from a send the person answered at least one question of (completed or not).</summary>
    public int Started { get; init; }

    /// <summary>Not sent on purpose (skipped this cycle, answered already, a paused cadence).</summary>
    public int Skipped { get; init; }

    /// <summary>Times people snoozed their check-ins.</summary>
    public int Snoozed { get; init; }

    /// <summary>Check-ins not asked because the person was away past the occurrence's answer window.</summary>
    public int Away { get; init; }

    /// <summary>People a run could not reach, per <see cref="UnreachableReason"/>.</summary>
    public int[] Unreachable { get; init; } = new int[Enum.GetValues<UnreachableReason>().Length];

    public int Completed { get; init; }

    /// <summary>Feedback requests made (by the group's people).</summary>
    public int FeedbackRequested { get; init; }

    /// <summary>Requests of the group's people answered, per time-to-answer bucket (<see cref="HourBounds"/>, then longer).</summary>
    public int[] AnswerHours { get; init; } = new int[HourBounds.Length + 1];

    /// <summary>Of the check-ins shared that day, those the manager replied to within seven days.</summary>
    public int SharedReplied { get; init; }

    public int GoalsCreated { get; init; }
    public int MilestonesReached { get; init; }
    public int GoalsCompleted { get; init; }

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
        minutes[BucketOf((record.CompletedAt - record.StartedAt).TotalMinutes, MinuteBounds)] = 1;
        var progress = record.Answers.Select(a => a.Value).OfType<GoalProgressAnswer>().ToList();
        return new MetricTally
        {
            // What the check-in did to goals (changes made outside check-ins are noted by the goal service).
            GoalsCreated = record.Answers.Count(a => a.Purpose == QuestionPurpose.NewGoalTitle),
            MilestonesReached = progress.Count(p => p.MilestoneId is not null),
            GoalsCompleted = progress.Count(p => p.Percent >= 100),
            Completed = 1,
            SelfStarted = record.OccurrenceId is null ? 1 : 0,
            Shared = record.SharedWithManager ? 1 : 0,
            Energy = energy,
            Minutes = minutes,
        };
    }

    /// <summary>What a run's outcome for one person adds (nothing while it is pending).</summary>
    public static MetricTally Of(Runs.RunRecipient recipient)
    {
        var unreachable = new int[Enum.GetValues<UnreachableReason>().Length];
        if (recipient.Status == Runs.RecipientStatus.Unreachable)
            unreachable[(int)ReasonOf(recipient.Reason)] = 1;
        return new MetricTally
        {
            Sent = recipient.Status is Runs.RecipientStatus.Sent or Runs.RecipientStatus.Unconfirmed ? 1 : 0,
            Reached = recipient.Status == Runs.RecipientStatus.Sent ? 1 : 0,
            Skipped = recipient.Status == Runs.RecipientStatus.Skipped ? 1 : 0,
            Away = recipient.Status == Runs.RecipientStatus.Away ? 1 : 0,
            Unreachable = unreachable,
        };
    }

    /// <summary>The reasons the messaging port and the registrations give, by what fixes them.</summary>
    public static UnreachableReason ReasonOf(string? reason) => reason switch
    {
        null => UnreachableReason.Other,
        _ when reason.StartsWith("NotInstalled", StringComparison.Ordinal) || reason == "Uninstalled" => UnreachableReason.NotInstalled,
        _ when reason.Contains("Blocked", StringComparison.Ordinal) => UnreachableReason.Blocked,
        "ConversationNotFound" or "RecipientGone" => UnreachableReason.NoConversation,
        "Disabled" or "Left" => UnreachableReason.Left,
        _ => UnreachableReason.Other,
    };

    public MetricTally Add(MetricTally other) => new()
    {
        Sent = Sent + other.Sent,
        Reached = Reached + other.Reached,
        Started = Started + other.Started,
        Skipped = Skipped + other.Skipped,
        Snoozed = Snoozed + other.Snoozed,
        Away = Away + other.Away,
        Unreachable = [.. Unreachable.Zip(other.Unreachable, (a, b) => a + b)],
        FeedbackRequested = FeedbackRequested + other.FeedbackRequested,
        AnswerHours = [.. AnswerHours.Zip(other.AnswerHours, (a, b) => a + b)],
        SharedReplied = SharedReplied + other.SharedReplied,
        GoalsCreated = GoalsCreated + other.GoalsCreated,
        MilestonesReached = MilestonesReached + other.MilestonesReached,
        GoalsCompleted = GoalsCompleted + other.GoalsCompleted,
        Completed = Completed + other.Completed,
        SelfStarted = SelfStarted + other.SelfStarted,
        Shared = Shared + other.Shared,
        Energy = [.. Energy.Zip(other.Energy, (a, b) => a + b)],
        Minutes = [.. Minutes.Zip(other.Minutes, (a, b) => a + b)],
    };

    /// <summary>A request answered <paramref name="after"/> it was made.</summary>
    public static MetricTally Answered(TimeSpan after)
    {
        var hours = new int[HourBounds.Length + 1];
        hours[BucketOf(after.TotalHours, HourBounds)] = 1;
        return new MetricTally { AnswerHours = hours };
    }

    public int FeedbackAnswered => AnswerHours.Sum();

    public double? MedianHoursToAnswer => Median(AnswerHours, HourBounds);

    public int EnergyResponses => Energy.Sum();

    public double? EnergyMean => EnergyResponses == 0 ? null : Math.Round(Energy.Select((n, i) => n * (i + 1)).Sum() / (double)EnergyResponses, 2);

    /// <summary>The median time to complete, in minutes (see <see cref="Median"/>).</summary>
    public double? MedianMinutesToComplete => Median(Minutes, MinuteBounds);

    /// <summary>
    /// The median of a bucketed count, interpolated within its bucket (the last, open bucket counts as its lower bound):
    /// exact to the bucket, which is what a rollup can know.
    /// </summary>
    private static double? Median(int[] counts, int[] bounds)
    {
        var total = counts.Sum();
        if (total == 0)
            return null;
        var middle = total / 2.0;
        var seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (seen + counts[i] >= middle && counts[i] > 0)
            {
                var low = i == 0 ? 0 : bounds[i - 1];
                return i == bounds.Length ? low : Math.Round(low + ((bounds[i] - low) * (middle - seen) / counts[i]), 1);
            }
            seen += counts[i];
        }
        return null;
    }

    private static int BucketOf(double value, int[] bounds)
    {
        for (var i = 0; i < bounds.Length; i++)
        {
            if (value <= bounds[i])
                return i;
        }
        return bounds.Length;
    }
}
