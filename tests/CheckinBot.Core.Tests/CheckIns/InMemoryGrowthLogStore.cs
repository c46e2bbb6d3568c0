using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Managers;

namespace CheckinBot.Core.Tests.CheckIns;

/// <summary>The growth-log contract with real version checks and all-or-nothing completion, hand-offs included.</summary>
internal sealed class InMemoryGrowthLogStore : ICheckinStore, IGoalStore, IShareHandoffStore, IPersonalDataEraser
{
    private readonly object _gate = new();
    private readonly Dictionary<string, CheckinDraft> _drafts = [];
    private readonly List<CheckinRecord> _records = [];
    private readonly Dictionary<string, LearningGoal> _goals = [];
    private readonly Dictionary<string, CheckinPreferences> _preferences = [];
    private readonly Dictionary<(string UserId, string CheckinId), ShareHandoff> _handoffs = [];
    private int _version;

    public IReadOnlyList<CheckinRecord> Records { get { lock (_gate) return [.. _records]; } }

    /// <summary>The clock the on-hold index counts recent recoveries by.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    private PersonOnHold OnHold(CheckinPreferences preferences)
    {
        var (lighter, recovered) = PersonOnHold.AdaptationsOf(preferences, Clock.GetUtcNow());
        return new PersonOnHold(preferences.UserId, preferences.SnoozedUntil, preferences.AwayUntil, lighter, recovered);
    }

    /// <summary>A finished check-in, as if its dialogue had completed.</summary>
    public void AddRecord(CheckinRecord record)
    {
        lock (_gate)
            _records.Add(record);
    }

    /// <summary>Runs once before the next write, to let "another instance" write first.</summary>
    public Action? BeforeNextWrite { get; set; }

    public Task<CheckinDraft?> FindDraftAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_drafts.GetValueOrDefault(userId));
    }

    public Task<bool> TrySaveDraftAsync(CheckinDraft draft, CancellationToken cancellationToken)
    {
        RunHook();
        lock (_gate)
        {
            if (_drafts.GetValueOrDefault(draft.UserId)?.Version != draft.Version)
                return Task.FromResult(false);
            _drafts[draft.UserId] = draft with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryCompleteAsync(CheckinCompletion completion, CancellationToken cancellationToken)
    {
        RunHook();
        lock (_gate)
        {
            var draft = completion.Draft;
            if (_drafts.GetValueOrDefault(draft.UserId)?.Version != draft.Version
                || completion.Goals.Any(g => _goals.GetValueOrDefault(g.Id)?.Version != g.Version))
            {
                return Task.FromResult(false);
            }
            _drafts.Remove(draft.UserId);
            _records.Add(completion.Record);
            foreach (var goal in completion.Goals)
                _goals[goal.Id] = goal with { Version = NextVersion() };
            if (completion.Handoff is { } handoff)
                _handoffs[(handoff.UserId, handoff.CheckinId)] = handoff with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task<ShareHandoff?> FindAsync(string userId, string checkinId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_handoffs.GetValueOrDefault((userId, checkinId)));
    }

    public Task<bool> TrySaveAsync(ShareHandoff handoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (handoff.UserId, handoff.CheckinId);
            if (_handoffs.GetValueOrDefault(key)?.Version != handoff.Version)
                return Task.FromResult(false);
            _handoffs[key] = handoff with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<CheckinRecord>> ListCheckinsAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<CheckinRecord>>([.. _records.Where(r => r.UserId == userId)]);
    }

    public Task<CheckinStartState> ReadStartStateAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(new CheckinStartState(_drafts.GetValueOrDefault(userId), _preferences.GetValueOrDefault(userId),
                [.. _records.Where(r => r.UserId == userId)], [.. _goals.Values.Where(g => g.UserId == userId)]));
        }
    }

    public Task<IReadOnlyList<LearningGoal>> ListGoalsAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<LearningGoal>>([.. _goals.Values.Where(g => g.UserId == userId)]);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GoalProgressEntry>>> ListHistoryAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<GoalProgressEntry>>>(_goals.Values.Where(g => g.UserId == userId).ToDictionary(g => g.Id, g => g.History));
    }

    public Task<bool> TrySaveGoalAsync(LearningGoal goal, CancellationToken cancellationToken)
    {
        RunHook();
        lock (_gate)
        {
            if (_goals.GetValueOrDefault(goal.Id)?.Version != goal.Version)
                return Task.FromResult(false);
            _goals[goal.Id] = goal with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public Task<CheckinPreferences?> FindPreferencesAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_preferences.GetValueOrDefault(userId));
    }

    public Task<bool> TrySavePreferencesAsync(CheckinPreferences preferences, CancellationToken cancellationToken)
    {
        RunHook();
        lock (_gate)
        {
            if (_preferences.GetValueOrDefault(preferences.UserId)?.Version != preferences.Version)
                return Task.FromResult(false);
            _preferences[preferences.UserId] = preferences with { Version = NextVersion() };
            return Task.FromResult(true);
        }
    }

    public async IAsyncEnumerable<PersonOnHold> ListOnHoldAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<PersonOnHold> snoozed;
        lock (_gate)
            snoozed = [.. _preferences.Values.Where(p => PersonOnHold.Holds(p, Clock.GetUtcNow())).Select(OnHold)];
        foreach (var person in snoozed)
        {
            await Task.Yield();
            yield return person;
        }
    }

    public Task<int> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var count = (_drafts.Remove(userId) ? 1 : 0) + (_preferences.Remove(userId) ? 1 : 0) + _records.RemoveAll(r => r.UserId == userId);
            foreach (var goal in _goals.Values.Where(g => g.UserId == userId).ToList())
                count += _goals.Remove(goal.Id) ? 1 : 0;
            return Task.FromResult(count);
        }
    }

    private string NextVersion() => $"v{++_version}";

    private void RunHook()
    {
        var hook = BeforeNextWrite;
        BeforeNextWrite = null;
        hook?.Invoke();
    }
}
