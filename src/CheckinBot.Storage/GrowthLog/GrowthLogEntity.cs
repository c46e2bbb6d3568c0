using Azure;
using Azure.Data.Tables;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// A row of the growth-log table. Everything of one person shares their partition, so a check-in, the goals it
/// touches and its manager hand-off commit in one entity-group transaction. The payload is JSON in <see cref="Data"/>.
/// </summary>
internal sealed class GrowthLogEntity : ITableEntity
{
    public const string DraftRow = "draft";
    public const string PreferencesRow = "preferences";
    public const string CheckinPrefix = "checkin-";
    public const string GoalPrefix = "goal-";

    /// <summary>Shared check-ins waiting for the manager summary.</summary>
    public const string SharePrefix = "share-";

    /// <summary>Feedback the person received, and feedback they asked for.</summary>
    public const string FeedbackPrefix = "feedback-";
    public const string AskPrefix = "ask-";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Data { get; set; } = "";
}
