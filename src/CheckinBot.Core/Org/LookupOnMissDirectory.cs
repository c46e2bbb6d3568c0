namespace CheckinBot.Core.Org;

/// <summary>
/// The cached org directory, plus a lookup at the source (<see cref="BackgroundOrgLookups"/>: Graph <c>$batch</c>, in the
/// background) for someone the cache does not know yet (hired or moved since the last delta round). A read waits for
/// that lookup until the turn bound after it began (<see cref="TurnBound"/>); past it, the person is unknown for this
/// read and the lookup goes on and fills the cache for the next one. Nothing here waits on the network for longer.
/// </summary>
public sealed class LookupOnMissDirectory(IOrgDirectory cache, BackgroundOrgLookups lookups, TurnBound turnBound) : IOrgDirectory
{
    public async Task<Person?> FindAsync(string personId, CancellationToken cancellationToken)
    {
        if (await cache.FindAsync(personId, cancellationToken) is { } known)
            return known;
        return lookups.LookUp(personId) is { } lookup && await turnBound.WaitAsync(lookup.Done, lookup.StartedAt, cancellationToken)
            ? await cache.FindAsync(personId, cancellationToken)
            : null;
    }

    public Task<IReadOnlyList<Person>> DirectReportsAsync(string managerId, CancellationToken cancellationToken) =>
        cache.DirectReportsAsync(managerId, cancellationToken);

    public Task<IReadOnlyList<Person>> SearchAsync(string text, int max, CancellationToken cancellationToken) =>
        cache.SearchAsync(text, max, cancellationToken);

    public IAsyncEnumerable<Person> ListEveryoneAsync(CancellationToken cancellationToken) => cache.ListEveryoneAsync(cancellationToken);
}
