using Azure;
using Azure.Data.Tables;

namespace CheckinBot.Storage.GrowthLog;

/// <summary>
/// A row of the growth-log table. Everything of one person shares their partition, so a check-in, the goals it
/// touches and its manager hand-off commit in one entity-group transaction. The payload is JSON in <see cref="Data"/>.
/// </summary>
internal sealed class GrowthLogEntity : ITableEntity
{
    // The draft, preferences and export grant are one row each, keyed by PersonRowKeys.
    public const string CheckinPrefix = "checkin-";
    public const string GoalPrefix = "goal-";

    /// <summary>One row per progress update of a goal (<c>goalhist-{goalId}-{ticks}</c>): the goal row keeps only the latest.</summary>
    public const string GoalHistoryPrefix = "goalhist-";

    /// <summary>Shared check-ins waiting for the manager summary.</summary>
    public const string SharePrefix = "share-";

    /// <summary>Feedback the person received, and feedback they asked for.</summary>
    public const string FeedbackPrefix = "feedback-";
    public const string AskPrefix = "ask-";

    /// <summary>A feedback request's or note's delivery (ids and outcome only), beside the item in the same partition.</summary>
    public const string FeedbackDeliveryPrefix = "fbsend-";

    /// <summary>A manager change's handover (ids, steps and the person's answer), so it is erased with the log.</summary>
    public const string HandoverPrefix = "transfer-";

    /// <summary>A review pack (the period and the entries kept), beside the log it is built from.</summary>
    public const string ReviewPackPrefix = "reviewpack-";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Data { get; set; } = "";

    /// <summary>
    /// A string property holds at most 64 KiB (32K UTF-16 characters); larger payloads continue in these, so a row
    /// holds up to 8 × 30,000 characters, well inside the 1 MiB entity limit. What we store is bounded far below
    /// that (docs/data-model.md, "Bounds").
    /// </summary>
    public string? Data1 { get; set; }
    public string? Data2 { get; set; }
    public string? Data3 { get; set; }
    public string? Data4 { get; set; }
    public string? Data5 { get; set; }
    public string? Data6 { get; set; }
    public string? Data7 { get; set; }

    public const int ChunkLength = 30_000;

    [System.Runtime.Serialization.IgnoreDataMember]
    public string Payload
    {
        get => string.Concat(Data, Data1, Data2, Data3, Data4, Data5, Data6, Data7);
        set
        {
            if (value.Length > ChunkLength * 8)
                throw new InvalidOperationException($"A growth-log row of {value.Length} characters exceeds the bounds; this is a bug.");
            string? Chunk(int i) => value.Length > i * ChunkLength ? value.Substring(i * ChunkLength, Math.Min(ChunkLength, value.Length - (i * ChunkLength))) : null;
            Data = Chunk(0) ?? "";
            (Data1, Data2, Data3, Data4, Data5, Data6, Data7) = (Chunk(1), Chunk(2), Chunk(3), Chunk(4), Chunk(5), Chunk(6), Chunk(7));
        }
    }
}
