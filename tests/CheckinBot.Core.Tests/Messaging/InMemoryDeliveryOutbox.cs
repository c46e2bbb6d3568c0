using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Tests.Messaging;

/// <summary>The outbox port in memory, due times read from the test's clock.</summary>
internal sealed class InMemoryDeliveryOutbox(TimeProvider timeProvider) : IDeliveryOutbox
{
    private readonly Dictionary<(OutboxKind, string, string), (DateTimeOffset NotedAt, DateTimeOffset DueAt)> _entries = [];

    public int Count(OutboxKind kind) { lock (_entries) return _entries.Keys.Count(k => k.Item1 == kind); }

    public Task NoteAsync(OutboxKind kind, string userId, string itemId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_entries)
            _entries[(kind, userId, itemId)] = (now, now);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxEntry>> ListDueAsync(OutboxKind kind, int max, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_entries)
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. _entries
                .Where(e => e.Key.Item1 == kind && e.Value.DueAt <= now)
                .Select(e => new OutboxEntry(kind, e.Key.Item2, e.Key.Item3, e.Value.NotedAt))
                .Take(max)]);
    }

    public Task PostponeAsync(OutboxEntry entry, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue((entry.Kind, entry.OwnerId, entry.ItemId), out var found))
                _entries[(entry.Kind, entry.OwnerId, entry.ItemId)] = found with { DueAt = dueAt };
        }
        return Task.CompletedTask;
    }

    public Task ForgetAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        lock (_entries)
            _entries.Remove((entry.Kind, entry.OwnerId, entry.ItemId));
        return Task.CompletedTask;
    }
}
