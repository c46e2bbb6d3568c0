using Azure;
using System.Text.Json;
using Azure.Data.Tables;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Managers;
using static CheckinBot.Storage.GrowthLog.GrowthLogRows;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// The growth-log table: one partition per person holds their draft, check-ins, goals, preferences and hand-offs, so a
/// finishing check-in commits with the goals it touches in one transaction. Each port sees only its own rows.
/// </summary>
internal sealed class TableGrowthLogStore(CheckinTables tables, PersonRowKeys rowKeys, TimeProvider timeProvider) : ICheckinStore, IGoalStore, IPersonalDataEraser
{
    private TableClient Table => tables.GrowthLog;

    public async Task<CheckinDraft?> FindDraftAsync(string userId, CancellationToken cancellationToken) =>
        await rowKeys.FindPersonRowAsync<CheckinDraft>(Table, userId, PersonRowKeys.Draft, cancellationToken) is var (draft, version) && draft is not null
            ? draft with { Version = version }
            : null;

    public Task<bool> TrySaveDraftAsync(CheckinDraft draft, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(draft.UserId, DraftKey(draft.UserId), draft with { Version = null }), draft.Version, cancellationToken);

    public async Task<bool> TryCompleteAsync(CheckinCompletion completion, CancellationToken cancellationToken)
    {
        var (draft, record) = (completion.Draft, completion.Record);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, Row(draft.UserId, DraftKey(draft.UserId), null), new ETag(draft.Version!)),
            new(TableTransactionActionType.Add, Row(record.UserId, GrowthLogEntity.CheckinPrefix + record.CheckinId, record)),
        };
        foreach (var goal in completion.Goals)
            actions.AddRange(GoalActions(goal));
        if (completion.Handoff is { } handoff)
            actions.Add(new(TableTransactionActionType.Add, Row(record.UserId, GrowthLogEntity.SharePrefix + record.CheckinId, handoff)));
        return await Table.TrySubmitAsync(actions, cancellationToken) is not null;
    }

    private static string DraftKey(string userId) => PersonRowKeys.Key(PersonRowKeys.Draft, userId);

    private static string PreferencesKey(string userId) => PersonRowKeys.Key(PersonRowKeys.Preferences, userId);

    public async Task<IReadOnlyList<CheckinRecord>> ListCheckinsAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await Table.ListAsync(userId, GrowthLogEntity.CheckinPrefix, cancellationToken)).Select(Read<CheckinRecord>)];

    public async Task<IReadOnlyList<LearningGoal>> ListGoalsAsync(string userId, CancellationToken cancellationToken)
    {
        var goals = (await Table.ListAsync(userId, GrowthLogEntity.GoalPrefix, cancellationToken)).Select(e => Read<LearningGoal>(e) with { Version = e.ETag.ToString() }).ToList();
        for (var i = 0; i < goals.Count; i++)
        {
            if (goals[i].History.Count > LearningGoal.RecentHistory)
                goals[i] = await MoveHistoryToRowsAsync(goals[i], cancellationToken);
        }
        return goals;
    }

    /// <summary>
    /// Goals stored before history had rows of its own carry all of it: every entry is copied to its row first
    /// (idempotent), then the goal row is trimmed at its version, so nothing is lost whichever step a crash interrupts.
    /// </summary>
    private async Task<LearningGoal> MoveHistoryToRowsAsync(LearningGoal goal, CancellationToken cancellationToken)
    {
        foreach (var chunk in goal.History.Chunk(100))
        {
            await Table.SubmitTransactionAsync(chunk.Select(entry => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                Row(goal.UserId, $"{GrowthLogEntity.GoalHistoryPrefix}{goal.Id}-{entry.At.UtcTicks:D19}", entry))), cancellationToken);
        }
        var trimmed = goal with { History = [.. goal.History.TakeLast(LearningGoal.RecentHistory)] };
        return await TrySaveGoalAsync(trimmed, cancellationToken) ? (await FindGoalAsync(goal.UserId, goal.Id, cancellationToken)) ?? trimmed : goal;
    }

    private async Task<LearningGoal?> FindGoalAsync(string userId, string goalId, CancellationToken cancellationToken) =>
        await Table.FindAsync<LearningGoal>(userId, GrowthLogEntity.GoalPrefix + goalId, cancellationToken) is ({ } goal, var version)
            ? goal with { Version = version }
            : null;

    public async Task<bool> TrySaveGoalAsync(LearningGoal goal, CancellationToken cancellationToken) =>
        await Table.TrySubmitAsync(GoalActions(goal), cancellationToken) is not null;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<GoalProgressEntry>>> ListHistoryAsync(string userId, CancellationToken cancellationToken) =>
        (await Table.ListAsync(userId, GrowthLogEntity.GoalHistoryPrefix, cancellationToken))
            .GroupBy(r => r.RowKey[GrowthLogEntity.GoalHistoryPrefix.Length..r.RowKey.LastIndexOf('-')])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<GoalProgressEntry>)[.. g.Select(Read<GoalProgressEntry>).OrderBy(e => e.At)]);

    /// <summary>
    /// The goal row (at its version) keeps the latest <see cref="LearningGoal.RecentHistory"/> updates; the newest update
    /// also gets a row of its own, so a goal updated daily for years never outgrows a row and no update is lost.
    /// </summary>
    private static IEnumerable<TableTransactionAction> GoalActions(LearningGoal goal)
    {
        var row = Row(goal.UserId, GrowthLogEntity.GoalPrefix + goal.Id, goal with { Version = null, History = [.. goal.History.TakeLast(LearningGoal.RecentHistory)] });
        yield return goal.Version is null
            ? new TableTransactionAction(TableTransactionActionType.Add, row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(goal.Version));
        if (goal.History.Count > 0)
        {
            var latest = goal.History[^1];
            yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                Row(goal.UserId, $"{GrowthLogEntity.GoalHistoryPrefix}{goal.Id}-{latest.At.UtcTicks:D19}", latest));
        }
    }

    /// <summary>One range query from the first check-in row to the preferences row (the rows in between are skipped).</summary>
    public Task<CheckinStartState> ReadStartStateAsync(string userId, CancellationToken cancellationToken) =>
        ReadStartStateAsync(userId, moveLegacy: true, cancellationToken);

    private async Task<CheckinStartState> ReadStartStateAsync(string userId, bool moveLegacy, CancellationToken cancellationToken)
    {
        (CheckinDraft? Draft, CheckinPreferences? Preferences, List<CheckinRecord> Checkins, List<LearningGoal> Goals) state = (null, null, [], []);
        if (!TableKeys.IsValid(userId))
            return new CheckinStartState(null, null, [], []);
        var rows = new List<GrowthLogEntity>();
        await foreach (var row in Table.QueryAsync<GrowthLogEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {userId} and RowKey ge {GrowthLogEntity.CheckinPrefix} and RowKey le {PreferencesKey(userId)}"),
            cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        // A draft or preferences row still under its old key (it sorts inside the range) is moved, and the log read again.
        var legacyRows = rows.FindAll(r => PersonRowKeys.IsLegacy(r.RowKey));
        if (moveLegacy && legacyRows.Count > 0)
        {
            foreach (var legacy in legacyRows)
                await PersonRowKeys.MoveAsync(Table, userId, legacy.RowKey, cancellationToken);
            return await ReadStartStateAsync(userId, moveLegacy: false, cancellationToken);
        }
        foreach (var row in rows)
        {
            var version = row.ETag.ToString();
            if (row.RowKey == DraftKey(userId))
                state.Draft = Read<CheckinDraft>(row) with { Version = version };
            else if (row.RowKey == PreferencesKey(userId))
                state.Preferences = Read<CheckinPreferences>(row) with { Version = version };
            else if (row.RowKey.StartsWith(GrowthLogEntity.CheckinPrefix, StringComparison.Ordinal))
                state.Checkins.Add(Read<CheckinRecord>(row));
            else if (row.RowKey.StartsWith(GrowthLogEntity.GoalPrefix, StringComparison.Ordinal))
                state.Goals.Add(Read<LearningGoal>(row) with { Version = version });
        }
        // Goals from before history had rows of their own are moved first, as every goal read does.
        var goals = state.Goals.Any(g => g.History.Count > LearningGoal.RecentHistory) ? await ListGoalsAsync(userId, cancellationToken) : state.Goals;
        return new CheckinStartState(state.Draft, state.Preferences, state.Checkins, goals);
    }

    public async Task<CheckinPreferences?> FindPreferencesAsync(string userId, CancellationToken cancellationToken) =>
        await rowKeys.FindPersonRowAsync<CheckinPreferences>(Table, userId, PersonRowKeys.Preferences, cancellationToken) is var (preferences, version) && preferences is not null
            ? preferences with { Version = version }
            : null;

    public async Task<bool> TrySavePreferencesAsync(CheckinPreferences preferences, CancellationToken cancellationToken)
    {
        if (!await Table.TryWriteAsync(Row(preferences.UserId, PreferencesKey(preferences.UserId), preferences with { Version = null }), preferences.Version, cancellationToken))
            return false;
        // After the preferences, which stay the truth: a crash between the two leaves a preview counting the person as
        // due, while the send itself still honours the snooze or the away.
        if (PersonOnHold.Holds(preferences, timeProvider.GetUtcNow()))
        {
            var (lighter, recovered) = PersonOnHold.AdaptationsOf(preferences, timeProvider.GetUtcNow());
            await Table.UpsertEntityAsync(new TableEntity(OnHoldPartition, preferences.UserId)
            {
                ["Until"] = preferences.SnoozedUntil,
                ["AwayUntil"] = preferences.AwayUntil,
                ["Lighter"] = JsonSerializer.Serialize(lighter),
                ["Recovered"] = JsonSerializer.Serialize(recovered),
            }, TableUpdateMode.Replace, cancellationToken);
        }
        else
            await Table.DeleteIfExistsAsync(OnHoldPartition, preferences.UserId, cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<PersonOnHold> ListOnHoldAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == OnHoldPartition, cancellationToken: cancellationToken))
            yield return new PersonOnHold(row.RowKey, row.GetDateTimeOffset("Until"), row.GetDateTimeOffset("AwayUntil"),
                row.GetString("Lighter") is { Length: > 0 } lighter ? JsonSerializer.Deserialize<Dictionary<string, string>>(lighter) : null,
                row.GetString("Recovered") is { Length: > 0 } recovered ? JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(recovered) : null);
    }

    /// <summary>The index of snoozes and aways (its first name kept, so rows written before read on): not an Entra object id, so no person's log shares it.</summary>
    private const string OnHoldPartition = "snoozes";

    public async Task<int> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValid(userId))
            return 0;
        // The export grant first: from this moment every export link of the person fails.
        await rowKeys.DeleteAsync(Table, userId, PersonRowKeys.ExportGrant, cancellationToken);
        await Table.DeleteIfExistsAsync(OnHoldPartition, userId, cancellationToken);
        var rows = new List<GrowthLogEntity>();
        await foreach (var row in Table.QueryAsync<GrowthLogEntity>(e => e.PartitionKey == userId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            rows.Add(row);
        // One partition, so whole batches of up to 100 go in one transaction each.
        foreach (var chunk in rows.Chunk(100))
            await Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        return rows.Count;
    }

}
