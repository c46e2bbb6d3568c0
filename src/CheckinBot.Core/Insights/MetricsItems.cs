using System.Globalization;

namespace CheckinBot.Core.Insights;

/// <summary>
/// What an <c>outbox/metrics</c> entry points to, by the prefix of its item (a completed check-in's is its bare id):
/// whoever writes the record notes it, <see cref="MetricsAggregator"/> folds it.
/// </summary>
public static class MetricsItems
{
    public const string ChunkPrefix = "chunk-";
    public const string AskPrefix = "ask-";
    public const string AnswerPrefix = "answer-";
    public const string ReplyPrefix = "reply-";
    public const string GoalPrefix = "goal-";
    public const string SnoozePrefix = "snooze-";
    public const string StartPrefix = "start-";

    /// <summary>A goal's progress or status changed in a way that counts nothing but moves the goal stock.</summary>
    public const string GoalChanged = "changed";

    private static readonly string[] Prefixes = [ChunkPrefix, AskPrefix, AnswerPrefix, ReplyPrefix, GoalPrefix, SnoozePrefix, StartPrefix];

    /// <summary>Whether an item is a completed check-in (its bare id, with none of the prefixes).</summary>
    public static bool IsCheckin(string item) => !Prefixes.Any(p => item.StartsWith(p, StringComparison.Ordinal));

    /// <summary>A check-in from a send got its first answer (the entry's user is the person).</summary>
    public static string Start(string checkinId) => StartPrefix + checkinId;

    /// <summary>A person snoozed their check-ins until <paramref name="until"/> (the entry's user is the person).</summary>
    public static string Snooze(DateTimeOffset until) => SnoozePrefix + until.UtcTicks.ToString(CultureInfo.InvariantCulture);

    /// <summary>What happened to a goal outside a check-in: <c>created</c>, <c>completed</c> or <c>milestone.{id}</c>.</summary>
    public static string Goal(string goalId, string change) => $"{GoalPrefix}{goalId}-{change}";

    /// <summary>A run's finished chunk (the entry's user is the run).</summary>
    public static string Chunk(int chunk) => ChunkPrefix + chunk.ToString(CultureInfo.InvariantCulture);

    /// <summary>A feedback request made (the entry's user is the requester).</summary>
    public static string Ask(string askId) => AskPrefix + askId;

    /// <summary>A feedback request answered (the entry's user is the requester).</summary>
    public static string Answer(string askId) => AnswerPrefix + askId;

    /// <summary>What changed between two versions of a goal (before null: it is new), as items to note.</summary>
    public static IEnumerable<string> GoalChanges(Goals.LearningGoal? before, Goals.LearningGoal after)
    {
        if (before is null)
            yield return Goal(after.Id, "created");
        foreach (var milestone in after.Milestones.Where(m => m.DoneAt is not null && before?.Milestones.FirstOrDefault(b => b.Id == m.Id)?.DoneAt is null))
            yield return Goal(after.Id, "milestone." + milestone.Id);
        if (after.Status == Goals.GoalStatus.Completed && before?.Status != Goals.GoalStatus.Completed)
            yield return Goal(after.Id, "completed");
        else if (before is not null && (before.Percent != after.Percent || before.Status != after.Status))
            yield return Goal(after.Id, GoalChanged);
    }

    /// <summary>A manager's reply on a shared check-in (the entry's user is the employee).</summary>
    public static string Reply(string checkinId) => ReplyPrefix + checkinId;
}
