using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Tests.Runs;

/// <summary>The run store's contract with real version checks: a chunk is saved all or nothing, a person is in a run once.</summary>
internal sealed class InMemoryRunStore : IRunStore, IRunRecipientStore, IRunTallyStore, IDeadLetterStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, CadenceRun> _runs = [];
    private readonly Dictionary<(string Run, string User), RunRecipient> _recipients = [];
    private readonly Dictionary<(string Run, int Chunk), ChunkTally> _tallies = [];
    private readonly Dictionary<string, RunRecipient> _deadLetters = [];
    private readonly Dictionary<string, string> _latest = [];
    private readonly Dictionary<string, LatestRun> _latestRunNow = [];
    private int _version;

    public IReadOnlyList<RunRecipient> DeadLetters { get { lock (_gate) return [.. _deadLetters.Values]; } }

    private string NextVersion() => (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task<bool> TryAddRunAsync(CadenceRun run, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_runs.TryAdd(run.RunId, run with { Version = NextVersion() }));
    }

    public Task<CadenceRun?> FindRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_runs.GetValueOrDefault(runId));
    }

    public Task<bool> TrySaveRunAsync(CadenceRun run, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(run.RunId, out var stored) || stored.Version != run.Version)
                return Task.FromResult(false);
            _runs[run.RunId] = run with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlySet<int>> AddChunkAsync(string runId, int chunk, IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var toSend = new HashSet<int>();
            foreach (var recipient in recipients)
            {
                if (_recipients.TryGetValue((runId, recipient.UserId), out var existing))
                    toSend.Add(existing.Chunk);
                else
                {
                    _recipients[(runId, recipient.UserId)] = recipient with { Chunk = chunk, Version = NextVersion() };
                    toSend.Add(chunk);
                }
            }
            return Task.FromResult<IReadOnlySet<int>>(toSend);
        }
    }

    public Task<IReadOnlyList<RunRecipient>> ListChunkAsync(string runId, int chunk, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<RunRecipient>>([.. _recipients.Values.Where(r => r.RunId == runId && r.Chunk == chunk).OrderBy(r => r.UserId, StringComparer.Ordinal)]);
    }

    public Task<IReadOnlyList<RunRecipient>?> TrySaveChunkAsync(IReadOnlyList<RunRecipient> recipients, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (recipients.Any(r => _recipients.GetValueOrDefault((r.RunId, r.UserId))?.Version != r.Version))
                return Task.FromResult<IReadOnlyList<RunRecipient>?>(null);
            var saved = recipients.Select(r => r with { Version = NextVersion() }).ToList();
            foreach (var r in saved)
                _recipients[(r.RunId, r.UserId)] = r;
            return Task.FromResult<IReadOnlyList<RunRecipient>?>(saved);
        }
    }

    public Task<string?> TrySaveRecipientAsync(RunRecipient recipient, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_recipients.GetValueOrDefault((recipient.RunId, recipient.UserId))?.Version != recipient.Version)
                return Task.FromResult<string?>(null);
            var version = NextVersion();
            _recipients[(recipient.RunId, recipient.UserId)] = recipient with { Version = version };
            return Task.FromResult<string?>(version);
        }
    }

    public Task<RunRecipient?> FindRecipientAsync(string runId, string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_recipients.GetValueOrDefault((runId, userId)));
    }

    public Task SaveLatestRunAsync(string cadenceId, string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
            _latest[cadenceId] = runId;
        return Task.CompletedTask;
    }

    public Task<string?> FindLatestRunIdAsync(string cadenceId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_latest.GetValueOrDefault(cadenceId));
    }

    public Task<LatestRun?> FindLatestRunNowAsync(string cadenceId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_latestRunNow.GetValueOrDefault(cadenceId));
    }

    public Task<bool> TrySaveLatestRunNowAsync(string cadenceId, string runId, LatestRun? expected, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_latestRunNow.GetValueOrDefault(cadenceId)?.Version != expected?.Version)
                return Task.FromResult(false);
            _latestRunNow[cadenceId] = new LatestRun(runId, NextVersion());
            return Task.FromResult(true);
        }
    }

    public Task DeleteUnplannedRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_runs.GetValueOrDefault(runId) is { PlannedAt: null })
                _runs.Remove(runId);
        }
        return Task.CompletedTask;
    }

    public Task AddDeadLetterAsync(RunRecipient recipient, CancellationToken cancellationToken)
    {
        lock (_gate)
            _deadLetters[recipient.UserId] = recipient;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RunRecipient>> ListDeadLettersAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<RunRecipient>>([.. _deadLetters.Values.Where(r => r.RunId == runId)]);
    }

    public Task SaveTallyAsync(string runId, ChunkTally tally, CancellationToken cancellationToken)
    {
        lock (_gate)
            _tallies[(runId, tally.Chunk)] = tally;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ChunkTally>> ListTalliesAsync(string runId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ChunkTally>>([.. _tallies.Where(t => t.Key.Run == runId).Select(t => t.Value)]);
    }
}
