namespace CheckinBot.Core.Org;

/// <summary>
/// The managers above someone, nearest first: one walk for every place that climbs the org chart. A loop in the
/// directory's data, or a chain longer than <see cref="MaxLength"/>, ends it.
/// </summary>
public static class ManagementChain
{
    public const int MaxLength = 32;

    /// <param name="managerId">The first manager (the person's own).</param>
    /// <param name="managerOf">Who manages a manager (null at the top).</param>
    public static async IAsyncEnumerable<string> AboveAsync(string? managerId, Func<string, ValueTask<string?>> managerOf)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var manager = managerId; manager is not null && seen.Count < MaxLength && seen.Add(manager); manager = await managerOf(manager))
            yield return manager;
    }
}
