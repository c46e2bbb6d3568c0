using System.Collections.Concurrent;
using CheckinBot.Core.Registrations;

namespace CheckinBot.Core.Tests.Registrations;

/// <summary>The store contract with real version checks, so the service's retry logic meets real conflicts.</summary>
internal sealed class InMemoryChatRegistrationStore : IChatRegistrationStore
{
    private readonly ConcurrentDictionary<string, ChatRegistration> _rows = new();
    private int _version;

    public int Writes { get; private set; }

    public int Reads => _reads;

    private int _reads;

    /// <summary>Runs once before the next save, e.g. to simulate another instance writing first.</summary>
    public Action? BeforeNextSave { get; set; }

    public Task<ChatRegistration?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_rows.TryGetValue(userId, out var r) ? r : null);
    }

    public async IAsyncEnumerable<RegisteredPerson> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var r in _rows.Values.ToList())
        {
            await Task.Yield();
            yield return new RegisteredPerson(r.UserId, r.Status, r.TimeZone);
        }
    }

    public Task<bool> TrySaveAsync(ChatRegistration registration, CancellationToken cancellationToken)
    {
        var hook = BeforeNextSave;
        BeforeNextSave = null;
        hook?.Invoke();
        lock (_rows)
        {
            _rows.TryGetValue(registration.UserId, out var current);
            if (current?.Version != registration.Version)
                return Task.FromResult(false);
            _rows[registration.UserId] = registration with { Version = $"v{Interlocked.Increment(ref _version)}" };
            Writes++;
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryRemove(userId, out _));

    public void Put(ChatRegistration registration)
    {
        lock (_rows)
            _rows[registration.UserId] = registration with { Version = $"v{Interlocked.Increment(ref _version)}" };
    }
}
