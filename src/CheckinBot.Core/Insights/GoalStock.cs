namespace CheckinBot.Core.Insights;

/// <summary>
/// A group's learning goals as they stand (a stock, not a flow): how many of its people have an active goal, and how
/// far their active goals are, as a count per whole percent (0–100) so the median is exact.
/// </summary>
public sealed record GoalStock(int PeopleWithGoals, int[] Progress)
{
    /// <summary>The length of <see cref="Progress"/>: 0 to 100 percent.</summary>
    public const int Percents = 101;

    public static GoalStock Empty => new(0, new int[Percents]);

    /// <summary>The median progress of the group's active goals, in percent; null when there is none.</summary>
    public double? MedianProgress
    {
        get
        {
            var total = Progress.Sum();
            if (total == 0)
                return null;
            return (ValueAt((total - 1) / 2) + ValueAt(total / 2)) / 2.0;
        }
    }

    /// <summary>The <paramref name="index"/>-th smallest percent (from 0).</summary>
    private int ValueAt(int index)
    {
        for (var percent = 0; percent < Progress.Length; percent++)
        {
            index -= Progress[percent];
            if (index < 0)
                return percent;
        }
        return 100;
    }
}
