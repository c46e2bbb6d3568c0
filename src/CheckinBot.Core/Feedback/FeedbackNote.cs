namespace CheckinBot.Core.Feedback;

/// <summary>Feedback a person received. It lives in the recipient's log: theirs to read, export and delete.</summary>
public sealed record FeedbackNote
{
    public const int MaxLength = 2000;

    public required string Id { get; init; }
    public required string ToUserId { get; init; }
    public required string FromUserId { get; init; }
    public string? FromName { get; init; }
    public required string Text { get; init; }

    /// <summary>Praise goes on the recipient's brag sheet.</summary>
    public bool IsPraise { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The shared check-in it answers, when it came from a manager summary.</summary>
    public string? RegardingCheckinId { get; init; }

    /// <summary>The request it answers, when someone asked for it.</summary>
    public string? AskId { get; init; }
    public string? Version { get; init; }
}
