using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Org;

/// <summary>
/// The cached org directory, plus a point lookup at the source (Graph <c>$batch</c>) for a person the cache does not
/// know yet (hired or moved since the last delta round), stored in the cache like a delta change. Ids the source does
/// not know either are not asked for again for <see cref="MissRememberedFor"/>, so a stranger cannot make every read
/// a Graph call.
/// </summary>
public sealed partial class LookupOnMissDirectory(
    IOrgDirectory cache, OrgPointLookup lookup, TimeProvider timeProvider, ILogger<LookupOnMissDirectory> logger) : IOrgDirectory
{
    public static readonly TimeSpan MissRememberedFor = TimeSpan.FromMinutes(10);
    private const int MaxRememberedMisses = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _misses = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Person?> FindAsync(string personId, CancellationToken cancellationToken)
    {
        if (await cache.FindAsync(personId, cancellationToken) is { } known)
            return known;
        var now = timeProvider.GetUtcNow();
        if (_misses.TryGetValue(personId, out var missedAt) && now - missedAt < MissRememberedFor)
            return null;
        try
        {
            if (await lookup.RefreshAsync([personId], cancellationToken) > 0)
                return await cache.FindAsync(personId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Graph down or refusing: the person is unknown for this read, as before the lookup existed.
            LogLookupFailed(logger, personId, ex);
            return null; // asked again on the next read
        }
        if (_misses.Count >= MaxRememberedMisses)
            _misses.Clear();
        _misses[personId] = now;
        return null;
    }

    public Task<IReadOnlyList<Person>> DirectReportsAsync(string managerId, CancellationToken cancellationToken) =>
        cache.DirectReportsAsync(managerId, cancellationToken);

    public Task<IReadOnlyList<Person>> SearchAsync(string text, int max, CancellationToken cancellationToken) =>
        cache.SearchAsync(text, max, cancellationToken);

    public IAsyncEnumerable<Person> ListEveryoneAsync(CancellationToken cancellationToken) => cache.ListEveryoneAsync(cancellationToken);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Looking up {UserId} in the org source failed; asking again on the next read")]
    private static partial void LogLookupFailed(ILogger logger, string userId, Exception exception);
}
