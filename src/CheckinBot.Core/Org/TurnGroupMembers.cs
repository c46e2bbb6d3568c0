using System.Collections.Concurrent;

namespace CheckinBot.Core.Org;

/// <summary>
/// Entra group membership for reads on a turn (the HR admin check, the journeys in someone's <c>goals</c>, HR's
/// preview and "run now" count): remembered
/// for <see cref="RememberedFor"/>, so a member added or removed counts within it without a Graph call per message;
/// read again in the background once older, the old answer serving meanwhile; a first read waits at most the turn bound
/// (<see cref="TurnBound"/>) and a group not read yet has no known members. A failed read is tried again by the next
/// read after <see cref="RetryAfter"/>, not sooner. Planning a run reads the source itself: there a whole audience
/// depends on the answer.
/// </summary>
public sealed class TurnGroupMembers(IGroupMembers source, TurnBound turnBound, TimeProvider timeProvider) : IGroupMembers
{
    public static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
    private static readonly IReadOnlySet<string> NobodyKnown = new HashSet<string>();

    private readonly ConcurrentDictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlySet<string>?> MemberIdsAsync(string groupId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var group = _groups.GetOrAdd(groupId, _ => new Group());
        var known = group.Known;
        if (known is not null && now - known.ReadAt < RememberedFor)
            return known.Members;
        var reading = group.Read(() => source.MemberIdsAsync(groupId, CancellationToken.None), now, timeProvider);
        if (known is not null)
            return known.Members;
        if (reading is not { } pending || !await turnBound.WaitAsync(pending.Done, pending.StartedAt, cancellationToken))
            return NobodyKnown;
        return group.Known is { } answer ? answer.Members : NobodyKnown;
    }

    /// <param name="Members">Null: the source does not know groups (each person's own group ids apply).</param>
    private sealed record Answer(IReadOnlySet<string>? Members, DateTimeOffset ReadAt);

    /// <summary>One group's last answer and the one read under way (at most one at a time).</summary>
    private sealed class Group
    {
        private readonly Lock _lock = new();
        private PendingLookup? _reading;
        private DateTimeOffset _failedAt = DateTimeOffset.MinValue;

        private volatile Answer? _known;

        public Answer? Known => _known;

        /// <returns>The read under way (started now or before); null while a failed read waits for its retry.</returns>
        public PendingLookup? Read(Func<Task<IReadOnlySet<string>?>> read, DateTimeOffset now, TimeProvider timeProvider)
        {
            lock (_lock)
            {
                if (_reading is { Done.IsCompleted: false })
                    return _reading;
                if (now - _failedAt < RetryAfter)
                    return null;
                return _reading = new PendingLookup(ReadAsync(read, timeProvider), now);
            }
        }

        private async Task ReadAsync(Func<Task<IReadOnlySet<string>?>> read, TimeProvider timeProvider)
        {
            try
            {
                var members = await read();
                _known = new Answer(members, timeProvider.GetUtcNow());
            }
            catch (Exception)
            {
                // Counted and logged where the source is called (the Graph adapter's circuit breaker); here it only
                // means the old answer, or none, for a while.
                lock (_lock)
                    _failedAt = timeProvider.GetUtcNow();
            }
        }
    }
}
