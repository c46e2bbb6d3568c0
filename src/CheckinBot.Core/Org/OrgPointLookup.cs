namespace CheckinBot.Core.Org;

/// <summary>
/// Adds people the cached org chart does not know yet (someone who joined since the last sync round), read from the
/// source and stored like a delta change. Apart from <see cref="OrgSyncService"/>, so the directory that uses it does
/// not depend on what a sync round starts (handovers), which reads the directory in turn.
/// </summary>
public sealed class OrgPointLookup(IOrgChartSource source, IOrgChartStore store)
{
    /// <returns>The ids the source knew (now cached); the others do not exist there.</returns>
    public async Task<IReadOnlySet<string>> RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var people = await source.GetPeopleAsync(ids, cancellationToken);
        await store.ApplyAsync([.. people.Select(p => new PersonChange(p.Id, p))], await store.FindManyAsync([.. people.Select(p => p.Id)], cancellationToken), cancellationToken);
        return people.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
