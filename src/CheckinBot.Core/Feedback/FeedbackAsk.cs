namespace CheckinBot.Core.Feedback;

/// <summary>
/// A request for feedback. Stored in the requester's log; only the requester and the person asked ever see it.
/// </summary>
public sealed record FeedbackAsk
{
    public const int MaxTopicLength = 500;

    public required string Id { get; init; }
    public required string RequesterId { get; init; }
    public string? RequesterName { get; init; }
    public required string AskedUserId { get; init; }
    public string? AskedName { get; init; }
    public required string Topic { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? LastNudgedAt { get; init; }

    /// <summary>The check-in whose last question asked for it, when it came from one.</summary>
    public string? CheckinId { get; init; }
    public string? Version { get; init; }

    public bool IsOpen => AnsweredAt is null;

    /// <summary>The id of the request a shared check-in's feedback question opens with the manager.</summary>
    public static string ForCheckin(string checkinId) => "checkin-" + checkinId;
}
