using System.Collections.Concurrent;
using CheckinBot.Core.Org;
using CheckinBot.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Org;

/// <summary>The directory over a cache that misses: a read waits at most the turn bound; lookups happen in the background.</summary>
public sealed class LookupOnMissDirectoryTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly OrgSource _source = new();
    private readonly OrgCache _cache = new();
    private readonly BackgroundOrgLookups _lookups;
    private readonly LookupOnMissDirectory _directory;

    public LookupOnMissDirectoryTests()
    {
        var options = Options.Create(new TurnLookupOptions());
        _lookups = new BackgroundOrgLookups(new OrgPointLookup(_source, _cache), options, _time, NullLogger<BackgroundOrgLookups>.Instance);
        _directory = new LookupOnMissDirectory(_cache, _lookups, new TurnBound(options, _time));
    }

    public ValueTask DisposeAsync()
    {
        _source.Answer();
        return _lookups.DisposeAsync();
    }

    [Fact]
    public async Task AMiss_WaitsNoLongerThanTheBound_AndTheLookupFillsTheCacheForTheNextRead()
    {
        _source.Hold();
        var read = _directory.FindAsync("p1", CancellationToken.None);
        await Eventually.TrueAsync(() => _source.Asked.Count == 1, "the lookup went out");
        Assert.False(read.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(read.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await read); // the source has not answered: unknown for this read
        var again = _directory.FindAsync("p1", CancellationToken.None);
        Assert.True(again.IsCompleted); // the bound counts from the lookup's start: later reads do not wait again
        Assert.Null(await again);
        var someoneElse = _directory.FindAsync("p2", CancellationToken.None);
        Assert.True(someoneElse.IsCompleted); // nor do others' while the source is slower than the bound
        Assert.Null(await someoneElse);

        _source.Answer();
        await Eventually.TrueAsync(() => _cache.Has("p1"), "the background lookup stored the person");
        Assert.Equal("Person p1", (await _directory.FindAsync("p1", CancellationToken.None))?.DisplayName);
        await Eventually.TrueAsync(() => _cache.Has("p2"), "p2's lookup went ahead meanwhile");
    }

    [Fact]
    public async Task ConcurrentMisses_ShareOneLookupPerPerson_AtMostTwentyABatch_TwoBatchesInFlight()
    {
        _source.Hold();
        var ids = Enumerable.Range(0, 45).Select(i => $"p{i}").ToList();
        var reads = ids.Concat(ids).Select(id => _directory.FindAsync(id, CancellationToken.None)).ToList();
        await Eventually.TrueAsync(() => _source.InFlight == BackgroundOrgLookups.BatchesInFlight, "two batches went out");

        _source.Answer();
        await Eventually.TrueAsync(() => ids.All(_cache.Has), "everyone was looked up");
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(reads);

        Assert.Equal(ids.Order(), _source.Asked.SelectMany(b => b).Order()); // each person once
        Assert.All(_source.Asked, batch => Assert.InRange(batch.Count, 1, BackgroundOrgLookups.BatchSize));
        Assert.Equal(BackgroundOrgLookups.BatchesInFlight, _source.MostInFlight);
    }

    [Fact]
    public async Task AFailedLookup_IsNotRetriedByTheNextRead_ButInTheBackgroundAfterThirtySeconds()
    {
        _source.FailNext = true;
        Assert.Null(await _directory.FindAsync("p1", CancellationToken.None)); // the failure answers the read at once
        Assert.Null(await _directory.FindAsync("p1", CancellationToken.None)); // and the next read does not wait or ask
        Assert.Single(_source.Asked);

        _time.Advance(BackgroundOrgLookups.FirstRetryAfter);
        await Eventually.TrueAsync(() => _cache.Has("p1"), "the background retried the lookup");
        Assert.Equal(2, _source.Asked.Count);
        Assert.NotNull(await _directory.FindAsync("p1", CancellationToken.None));
    }

    [Fact]
    public async Task SomeoneTheSourceDoesNotKnow_IsNotAskedForAgainForTenMinutes()
    {
        _source.Unknown.Add("stranger");
        Assert.Null(await _directory.FindAsync("stranger", CancellationToken.None));
        _time.Advance(BackgroundOrgLookups.MissRememberedFor - TimeSpan.FromSeconds(1));
        Assert.Null(await _directory.FindAsync("stranger", CancellationToken.None));
        Assert.Single(_source.Asked);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _directory.FindAsync("stranger", CancellationToken.None));
        Assert.Equal(2, _source.Asked.Count);
    }

    /// <summary>The org source: answers everyone but <see cref="Unknown"/>; can hold its answers or fail once.</summary>
    private sealed class OrgSource : IOrgChartSource
    {
        private TaskCompletionSource _gate = NewGate(open: true);
        private int _inFlight;

        public ConcurrentQueue<List<string>> Asked { get; } = new();
        public HashSet<string> Unknown { get; } = [];
        public bool FailNext { get; set; }
        public int InFlight => _inFlight;
        public int MostInFlight { get; private set; }

        public void Hold() => _gate = NewGate(open: false);

        public void Answer() => _gate.TrySetResult();

        public IAsyncEnumerable<OrgChartPage> ReadChangesAsync(string? syncToken, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async Task<IReadOnlyList<Person>> GetPeopleAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            Asked.Enqueue([.. ids]);
            lock (Asked)
                MostInFlight = Math.Max(MostInFlight, Interlocked.Increment(ref _inFlight));
            try
            {
                await _gate.Task.WaitAsync(cancellationToken);
                if (FailNext)
                {
                    FailNext = false;
                    throw new HttpRequestException("Connection refused");
                }
                return [.. ids.Where(id => !Unknown.Contains(id)).Select(id => new Person { Id = id, DisplayName = "Person " + id })];
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private static TaskCompletionSource NewGate(bool open)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (open)
                gate.SetResult();
            return gate;
        }
    }

    /// <summary>The cached org chart: what lookups stored, read back by id.</summary>
    private sealed class OrgCache : IOrgChartStore, IOrgDirectory
    {
        private readonly ConcurrentDictionary<string, Person> _people = new(StringComparer.OrdinalIgnoreCase);

        public bool Has(string id) => _people.ContainsKey(id);

        public Task<Person?> FindAsync(string personId, CancellationToken cancellationToken) => Task.FromResult(_people.GetValueOrDefault(personId));

        public Task<IReadOnlyDictionary<string, Person>> FindManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, Person>>(ids.Where(_people.ContainsKey).ToDictionary(id => id, id => _people[id]));

        public Task ApplyAsync(IReadOnlyList<PersonChange> changes, IReadOnlyDictionary<string, Person> before, CancellationToken cancellationToken)
        {
            foreach (var change in changes)
                _people[change.Id] = change.Current!;
            return Task.CompletedTask;
        }

        public Task<string?> FindSyncTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);

        public Task SaveSyncTokenAsync(string? token, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<Person>> DirectReportsAsync(string managerId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Person>>([]);

        public Task<IReadOnlyList<Person>> SearchAsync(string text, int max, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Person>>([]);

        public IAsyncEnumerable<Person> ListEveryoneAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Person>();
    }
}
