using System.Security.Cryptography;
using System.Text;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.Runs;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Insights;

/// <summary>
/// Keeps the rollups current within a sweep: each completed check-in, and each finished chunk of a run, is noted in the
/// outbox before it is written; a sweep reads what it points to, adds its tally to the person's groups as the directory
/// has them now (organisation, department, every manager's tree above them, the cadence) once, and drops the entry.
/// Also takes the census of group sizes the anonymity threshold is checked against, at most every
/// <see cref="CensusEvery"/>.
/// </summary>
public sealed partial class MetricsAggregator(
    IDeliveryOutbox outbox,
    ICheckinStore checkins,
    IOrgDirectory directory,
    IMetricsStore metrics,
    IRunStore runs,
    IFeedbackStore feedback,
    IGoalStore goals,
    ICadenceStore cadences,
    IGroupMembers groupMembers,
    TimeProvider timeProvider,
    ILogger<MetricsAggregator> logger)
{
    public static readonly TimeSpan CensusEvery = TimeSpan.FromHours(1);

    /// <summary>How soon after goal stocks were written the census is taken again, so goals show within minutes.</summary>
    public static readonly TimeSpan StocksCensusAfter = TimeSpan.FromMinutes(5);

    /// <summary>This instance wrote goal stocks since its last census (another instance's census may have counted them already).</summary>
    private volatile bool _stocksWritten;

    /// <summary>Folds one sweep's worth of due check-ins and chunks in one batch; returns how many it covered.</summary>
    public async Task<int> FoldPendingAsync(CancellationToken cancellationToken)
    {
        var folds = new List<MetricFold>();
        var done = new List<OutboxEntry>();
        var managers = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase); // the batch's chain lookups, once each
        var stockOwners = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // people whose goals may have moved
        foreach (var entry in await outbox.ListDueAsync(OutboxKind.Metrics, OutboxEntry.SweepSize, cancellationToken))
        {
            var found = entry.ItemId switch
            {
                var item when item.StartsWith(MetricsItems.ChunkPrefix, StringComparison.Ordinal) =>
                    await ChunkFoldsAsync(entry.UserId, int.Parse(item[MetricsItems.ChunkPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture), managers, cancellationToken),
                var item when item.StartsWith(MetricsItems.AskPrefix, StringComparison.Ordinal) =>
                    await AskFoldsAsync(entry.UserId, item[MetricsItems.AskPrefix.Length..], answered: false, managers, cancellationToken),
                var item when item.StartsWith(MetricsItems.AnswerPrefix, StringComparison.Ordinal) =>
                    await AskFoldsAsync(entry.UserId, item[MetricsItems.AnswerPrefix.Length..], answered: true, managers, cancellationToken),
                var item when item.StartsWith(MetricsItems.SnoozePrefix, StringComparison.Ordinal) =>
                    await SnoozeFoldsAsync(entry, managers, cancellationToken),
                var item when item.StartsWith(MetricsItems.GoalPrefix, StringComparison.Ordinal) =>
                    await GoalFoldsAsync(entry.UserId, item, managers, cancellationToken),
                var item when item.StartsWith(MetricsItems.StartPrefix, StringComparison.Ordinal) =>
                    await StartFoldsAsync(entry, managers, cancellationToken),
                var item when item.StartsWith(MetricsItems.ReplyPrefix, StringComparison.Ordinal) =>
                    await ReplyFoldsAsync(entry.UserId, item[MetricsItems.ReplyPrefix.Length..], managers, cancellationToken),
                _ => await CheckinFoldsAsync(entry, managers, cancellationToken),
            };
            if (found is null)
            {
                // Not committed (yet, or ever), or erased since: counted only once it exists.
                if (timeProvider.GetUtcNow() - entry.NotedAt > OutboxEntry.AbandonedAfter)
                    await outbox.ForgetAsync(entry, cancellationToken);
                continue;
            }
            folds.AddRange(found);
            done.Add(entry);
            if (entry.ItemId.StartsWith(MetricsItems.GoalPrefix, StringComparison.Ordinal) || MetricsItems.IsCheckin(entry.ItemId))
                stockOwners.Add(entry.UserId);
        }
        if (done.Count == 0)
            return 0;
        await metrics.FoldAsync(folds, cancellationToken);
        // A snapshot from the goals as they are now, so a retry or a race writes the same or a newer one.
        foreach (var userId in stockOwners)
        {
            var active = (await goals.ListGoalsAsync(userId, cancellationToken)).Where(g => g.Status == GoalStatus.Active).Select(g => g.Percent).ToList();
            await metrics.SaveGoalStockAsync(new PersonGoalStock(userId, active), cancellationToken);
            _stocksWritten = true;
        }
        foreach (var entry in done)
            await outbox.ForgetAsync(entry, cancellationToken);
        return done.Count;
    }

    /// <summary>
    /// Counts the people of every group from the directory, unless a census younger than <see cref="CensusEvery"/> exists
    /// that counted every cadence (a new cadence is counted at the next sweep, not an hour later).
    /// </summary>
    public async Task<bool> TakeCensusIfDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var all = await cadences.ListAsync(cancellationToken);
        if (await metrics.ReadCensusAsync(MetricGroups.Organisation, [MetricGroups.Organisation], cancellationToken) is { } last && now - last.TakenAt < CensusEvery
            && !(_stocksWritten && now - last.TakenAt >= StocksCensusAfter)
            && (all.Count == 0 || (await metrics.ReadCensusAsync(MetricGroups.CadencePrefix, [.. all.Select(c => MetricGroups.Cadence(c.Id))], cancellationToken))?.Sizes.Count == all.Count))
            return false;
        _stocksWritten = false;
        var stocks = new Dictionary<string, IReadOnlyList<int>>(StringComparer.OrdinalIgnoreCase);
        await foreach (var stock in metrics.ListGoalStocksAsync(cancellationToken))
            stocks[stock.UserId] = stock.ActiveProgress;
        // One pass keeps each person's manager (ids only): the trees are counted from it afterwards.
        var managerOf = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var goalStocks = new Dictionary<string, (int People, int[] Progress)>(StringComparer.Ordinal);
        var audiences = new List<(string Group, Func<Person, bool> Includes)>();
        foreach (var cadence in all)
        {
            sizes[MetricGroups.Cadence(cadence.Id)] = 0; // counted even when no one is in it
            audiences.Add((MetricGroups.Cadence(cadence.Id), await Audience.MatcherAsync(groupMembers, cadence.Audience, cancellationToken)));
        }
        await foreach (var person in directory.ListEveryoneAsync(cancellationToken))
        {
            if (!person.Enabled)
                continue;
            managerOf[person.Id] = person.ManagerId;
            Count(MetricGroups.Organisation, person.Id);
            Count(MetricGroups.Department(person.Department), person.Id);
            foreach (var (group, includes) in audiences.Where(a => a.Includes(person)))
                sizes[group]++; // no goal stock: a cadence's figures are what it asked
        }
        foreach (var (personId, managerId) in managerOf)
        {
            await foreach (var manager in ManagementChain.AboveAsync(managerId, id => ValueTask.FromResult(managerOf.GetValueOrDefault(id))))
                Count(MetricGroups.ManagerTree(manager), personId);
        }
        var root = sizes.Where(s => s.Key.StartsWith(MetricGroups.ManagerTreePrefix, StringComparison.Ordinal))
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => s.Key[MetricGroups.ManagerTreePrefix.Length..]).FirstOrDefault();
        await metrics.SaveCensusAsync(new MetricsCensus(sizes, now, root) { Goals = goalStocks.ToDictionary(g => g.Key, g => new GoalStock(g.Value.People, g.Value.Progress)) }, cancellationToken);
        LogCensus(logger, managerOf.Count, sizes.Count);
        return true;

        void Count(string group, string personId)
        {
            sizes[group] = sizes.GetValueOrDefault(group) + 1;
            if (!stocks.TryGetValue(personId, out var progress) || progress.Count == 0)
                return;
            var stock = goalStocks.TryGetValue(group, out var found) ? found : (People: 0, Progress: new int[GoalStock.Percents]);
            foreach (var percent in progress)
                stock.Progress[Math.Clamp(percent, 0, 100)]++;
            goalStocks[group] = (stock.People + 1, stock.Progress);
        }
    }

    private async Task<IReadOnlyList<MetricFold>?> CheckinFoldsAsync(OutboxEntry entry, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        var record = (await checkins.ListCheckinsAsync(entry.UserId, cancellationToken)).FirstOrDefault(r => r.CheckinId == entry.ItemId);
        return record is null ? null
            : [new MetricFold(FoldId(record.UserId + "|" + record.CheckinId), DateOnly.FromDateTime(record.CompletedAt.UtcDateTime),
                await GroupsOfAsync(record.UserId, CadenceOf(record.OccurrenceId), managers, cancellationToken), MetricTally.Of(record))];
    }

    /// <summary>
    /// A finished chunk's outcomes, summed per group and day first, so a row gets one fold per chunk and day (the rows'
    /// memory of recent folds then covers whole runs' worth of chunks).
    /// </summary>
    private async Task<IReadOnlyList<MetricFold>?> ChunkFoldsAsync(string runId, int chunk, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        if (await runs.FindRunAsync(runId, cancellationToken) is not { } run)
            return null;
        var sums = new Dictionary<(string Group, DateOnly Day), MetricTally>();
        foreach (var recipient in await runs.ListChunkAsync(runId, chunk, cancellationToken))
        {
            if (!recipient.IsDone || recipient.DoneAt is not { } doneAt)
                continue;
            var day = DateOnly.FromDateTime(doneAt.UtcDateTime);
            var tally = MetricTally.Of(recipient);
            foreach (var group in await GroupsOfAsync(recipient.UserId, run.CadenceId, managers, cancellationToken))
                sums[(group, day)] = sums.TryGetValue((group, day), out var sum) ? sum.Add(tally) : tally;
        }
        return [.. sums.Select(s => new MetricFold(FoldId($"{runId}|{chunk}|{s.Key.Day:yyyy-MM-dd}"), s.Key.Day, [s.Key.Group], s.Value))];
    }

    /// <summary>A request made (on the day it was made), or answered (on the day of the answer, with how long it took).</summary>
    private async Task<IReadOnlyList<MetricFold>?> AskFoldsAsync(string requesterId, string askId, bool answered, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        if (await feedback.FindAskAsync(requesterId, askId, cancellationToken) is not { } ask || (answered && ask.AnsweredAt is null))
            return null;
        var (at, tally) = answered
            ? (ask.AnsweredAt!.Value, MetricTally.Answered(ask.AnsweredAt.Value - ask.CreatedAt))
            : (ask.CreatedAt, new MetricTally { FeedbackRequested = 1 });
        return [new MetricFold(FoldId($"{(answered ? "answer" : "ask")}|{requesterId}|{askId}"), DateOnly.FromDateTime(at.UtcDateTime),
            await GroupsOfAsync(requesterId, null, managers, cancellationToken), tally)];
    }

    /// <summary>A snooze, on the day it was asked for, once the person's preferences hold it.</summary>
    private async Task<IReadOnlyList<MetricFold>?> SnoozeFoldsAsync(OutboxEntry entry, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        var until = entry.ItemId[MetricsItems.SnoozePrefix.Length..];
        if ((await checkins.FindPreferencesAsync(entry.UserId, cancellationToken))?.SnoozedUntil?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) != until)
            return null;
        return [new MetricFold(FoldId($"{entry.UserId}|{entry.ItemId}"), DateOnly.FromDateTime(entry.NotedAt.UtcDateTime),
            await GroupsOfAsync(entry.UserId, null, managers, cancellationToken), new MetricTally { Snoozed = 1 })];
    }

    /// <summary>A sent check-in's first answer, on the day it was given, once the draft (or the finished check-in) holds it.</summary>
    private async Task<IReadOnlyList<MetricFold>?> StartFoldsAsync(OutboxEntry entry, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        var checkinId = entry.ItemId[MetricsItems.StartPrefix.Length..];
        var occurrenceId = await checkins.FindDraftAsync(entry.UserId, cancellationToken) is { } draft && draft.CheckinId == checkinId && !draft.Answers.IsEmpty
            ? draft.OccurrenceId
            : (await checkins.ListCheckinsAsync(entry.UserId, cancellationToken)).FirstOrDefault(r => r.CheckinId == checkinId)?.OccurrenceId;
        return occurrenceId is null ? null
            : [new MetricFold(FoldId($"start|{entry.UserId}|{checkinId}"), DateOnly.FromDateTime(entry.NotedAt.UtcDateTime),
                await GroupsOfAsync(entry.UserId, CadenceOf(occurrenceId), managers, cancellationToken), new MetricTally { Started = 1 })];
    }

    /// <summary>A goal created, completed or a milestone reached outside a check-in, on the day it happened (once it is stored).</summary>
    private async Task<IReadOnlyList<MetricFold>?> GoalFoldsAsync(string userId, string item, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        var goal = (await goals.ListGoalsAsync(userId, cancellationToken)).FirstOrDefault(g => item.StartsWith(MetricsItems.GoalPrefix + g.Id + "-", StringComparison.Ordinal));
        if (goal is null)
            return null;
        var change = item[(MetricsItems.GoalPrefix.Length + goal.Id.Length + 1)..];
        if (change == MetricsItems.GoalChanged)
            return []; // counts nothing: the person's goal stock is refreshed
        var (at, tally) = change switch
        {
            "created" => ((DateTimeOffset?)goal.CreatedAt, new MetricTally { GoalsCreated = 1 }),
            "completed" => (goal.Status == GoalStatus.Completed ? goal.CompletedAt : null, new MetricTally { GoalsCompleted = 1 }),
            _ => (goal.Milestones.FirstOrDefault(m => "milestone." + m.Id == change)?.DoneAt, new MetricTally { MilestonesReached = 1 }),
        };
        return at is null ? null
            : [new MetricFold(FoldId($"{userId}|{item}"), DateOnly.FromDateTime(at.Value.UtcDateTime), await GroupsOfAsync(userId, null, managers, cancellationToken), tally)];
    }

    /// <summary>
    /// The manager's first reply on a shared check-in: counted on the check-in's day when it came within seven days
    /// (later ones, and replies after the first, count nothing).
    /// </summary>
    private async Task<IReadOnlyList<MetricFold>?> ReplyFoldsAsync(string userId, string checkinId, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        var record = (await checkins.ListCheckinsAsync(userId, cancellationToken)).FirstOrDefault(r => r.CheckinId == checkinId);
        var first = (await feedback.ListNotesAsync(userId, cancellationToken)).Where(n => n.RegardingCheckinId == checkinId).MinBy(n => n.CreatedAt);
        if (record is null || first is null)
            return null;
        if (!record.SharedWithManager || first.CreatedAt - record.CompletedAt > TimeSpan.FromDays(7))
            return [];
        return [new MetricFold(FoldId($"reply|{userId}|{checkinId}"), DateOnly.FromDateTime(record.CompletedAt.UtcDateTime),
            await GroupsOfAsync(userId, CadenceOf(record.OccurrenceId), managers, cancellationToken), new MetricTally { SharedReplied = 1 })];
    }

    private async Task<List<string>> GroupsOfAsync(string userId, string? cadenceId, Dictionary<string, string?> managers, CancellationToken cancellationToken)
    {
        var person = await directory.FindAsync(userId, cancellationToken);
        var groups = new List<string> { MetricGroups.Organisation, MetricGroups.Department(person?.Department) };
        await foreach (var manager in ManagementChain.AboveAsync(person?.ManagerId, async id =>
            managers.TryGetValue(id, out var above) ? above : managers[id] = (await directory.FindAsync(id, cancellationToken))?.ManagerId))
        {
            groups.Add(MetricGroups.ManagerTree(manager));
        }
        if (cadenceId is not null)
            groups.Add(MetricGroups.Cadence(cadenceId));
        return groups;
    }

    /// <summary>Occurrences are <c>{cadence}:{date}</c> (docs/architecture.md).</summary>
    private static string? CadenceOf(string? occurrenceId) =>
        occurrenceId?.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? occurrenceId[..colon] : null;

    /// <summary>A hash, so the rollups hold no pointer to a person's check-in.</summary>
    private static string FoldId(string source) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Metrics census: {People} people in {Groups} groups")]
    private static partial void LogCensus(ILogger logger, int people, int groups);
}
