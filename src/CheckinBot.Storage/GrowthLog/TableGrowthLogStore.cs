using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// The growth-log table: one partition per person holds their draft, check-ins, goals, preferences and hand-offs, so a
/// finishing check-in commits with the goals it touches in one transaction. Each port sees only its own rows.
/// </summary>
internal sealed class TableGrowthLogStore(CheckinTables tables) : ICheckinStore, IGoalStore, IPersonalDataEraser
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TableClient Table => tables.GrowthLog;

    public async Task<CheckinDraft?> FindDraftAsync(string userId, CancellationToken cancellationToken) =>
        await FindAsync<CheckinDraft>(userId, GrowthLogEntity.DraftRow, cancellationToken) is var (draft, version) && draft is not null
            ? draft with { Version = version }
            : null;

    public Task<bool> TrySaveDraftAsync(CheckinDraft draft, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(draft.UserId, GrowthLogEntity.DraftRow, draft with { Version = null }), draft.Version, cancellationToken);

    public async Task<bool> TryCompleteAsync(CheckinDraft draft, CheckinRecord record, IReadOnlyList<LearningGoal> goals, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, Row(draft.UserId, GrowthLogEntity.DraftRow, null), new ETag(draft.Version!)),
            new(TableTransactionActionType.Add, Row(record.UserId, GrowthLogEntity.CheckinPrefix + record.CheckinId, record)),
        };
        foreach (var goal in goals)
        {
            var row = Row(goal.UserId, GrowthLogEntity.GoalPrefix + goal.Id, goal with { Version = null });
            actions.Add(goal.Version is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(goal.Version)));
        }
        if (record.SharedWithManager)
            actions.Add(new(TableTransactionActionType.Add, Row(record.UserId, GrowthLogEntity.SharePrefix + record.CheckinId, new { record.CheckinId })));

        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<CheckinRecord>> ListCheckinsAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(userId, GrowthLogEntity.CheckinPrefix, cancellationToken)).Select(Read<CheckinRecord>)];

    public async Task<IReadOnlyList<LearningGoal>> ListGoalsAsync(string userId, CancellationToken cancellationToken) =>
        [.. (await ListAsync(userId, GrowthLogEntity.GoalPrefix, cancellationToken)).Select(e => Read<LearningGoal>(e) with { Version = e.ETag.ToString() })];

    public Task<bool> TrySaveGoalAsync(LearningGoal goal, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(goal.UserId, GrowthLogEntity.GoalPrefix + goal.Id, goal with { Version = null }), goal.Version, cancellationToken);

    public async Task<CheckinPreferences?> FindPreferencesAsync(string userId, CancellationToken cancellationToken) =>
        await FindAsync<CheckinPreferences>(userId, GrowthLogEntity.PreferencesRow, cancellationToken) is var (preferences, version) && preferences is not null
            ? preferences with { Version = version }
            : null;

    public Task<bool> TrySavePreferencesAsync(CheckinPreferences preferences, CancellationToken cancellationToken) =>
        Table.TryWriteAsync(Row(preferences.UserId, GrowthLogEntity.PreferencesRow, preferences with { Version = null }), preferences.Version, cancellationToken);

    public async Task<int> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var rows = new List<GrowthLogEntity>();
        await foreach (var row in Table.QueryAsync<GrowthLogEntity>(e => e.PartitionKey == userId, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            rows.Add(row);
        // One partition, so whole batches of up to 100 go in one transaction each.
        foreach (var chunk in rows.Chunk(100))
            await Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        return rows.Count;
    }

    /// <summary>A single row's payload and its ETag (the domain record's version), or nulls when there is no row.</summary>
    private async Task<(T? Value, string? Version)> FindAsync<T>(string userId, string rowKey, CancellationToken cancellationToken)
        where T : class
    {
        var row = await Table.GetEntityIfExistsAsync<GrowthLogEntity>(userId, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? (Read<T>(row.Value!), row.Value!.ETag.ToString()) : (null, null);
    }

    /// <summary>Rows whose key starts with <paramref name="prefix"/>: the range [prefix, prefix with its last char + 1).</summary>
    private async Task<List<GrowthLogEntity>> ListAsync(string userId, string prefix, CancellationToken cancellationToken)
    {
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var rows = new List<GrowthLogEntity>();
        await foreach (var row in Table.QueryAsync<GrowthLogEntity>(
            e => e.PartitionKey == userId && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(upper) < 0,
            cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static GrowthLogEntity Row(string userId, string rowKey, object? data) => new()
    {
        PartitionKey = userId,
        RowKey = rowKey,
        Data = data is null ? "" : JsonSerializer.Serialize(data, data.GetType(), Json),
    };

    private static T Read<T>(GrowthLogEntity row) => LegacyAnswerMigration.Read<T>(row.Data, Json);
}
