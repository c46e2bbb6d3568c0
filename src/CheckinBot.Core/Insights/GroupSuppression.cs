namespace CheckinBot.Core.Insights;

/// <summary>
/// Which groups of one response show no figures. A group with fewer people than the threshold is suppressed
/// (primary). Then no subtraction may reveal one: when the parent is shown, the people in suppressed children together
/// with the parent's people in no shown child (the remainder: the manager themself, people outside every child) are what
/// "parent minus the shown children" gives away, so while that set is non-empty and smaller than the threshold, the
/// next-smallest shown child is suppressed too (complementary suppression, as Viva Glint and Culture Amp do it).
/// </summary>
public static class GroupSuppression
{
    /// <param name="parentSize">People in the parent (the organisation, a manager's tree); its own suppression is decided by the caller.</param>
    /// <param name="childSizes">People per child group; children must not overlap (departments, the trees of direct reports).</param>
    public static IReadOnlySet<string> Suppressed(int parentSize, IReadOnlyDictionary<string, int> childSizes, int minGroupSize)
    {
        var suppressed = childSizes.Where(c => c.Value < minGroupSize).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (parentSize < minGroupSize)
            return childSizes.Keys.ToHashSet(StringComparer.Ordinal); // nothing of a suppressed parent is shown
        var shown = childSizes.Where(c => !suppressed.Contains(c.Key)).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var hidden = parentSize - shown.Sum(c => c.Value);
        while (hidden > 0 && hidden < minGroupSize && shown.Count > 0)
        {
            var next = shown[0];
            shown.RemoveAt(0);
            suppressed.Add(next.Key);
            hidden += next.Value;
        }
        return suppressed;
    }
}
