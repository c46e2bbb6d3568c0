namespace CheckinBot.Teams.Connector;

/// <summary>What became of a connector call. Callers decide what to do next; exceptions are kept for bugs.</summary>
public enum ConnectorOutcome
{
    Sent,

    /// <summary>Teams kept answering 429 (or asked us to wait longer than we wait inline): try again after <see cref="ConnectorResult{T}.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>The person blocked or removed the bot (403 MessageWritesBlocked) or deleted the chat (404 ConversationNotFound).</summary>
    RecipientGone,

    /// <summary>
    /// A POST left and its answer was lost (a timeout after the request was sent, 502, 504, the connection reset
    /// mid-response): Teams may have delivered it. Never repeated; the caller records it as sent, unconfirmed.
    /// </summary>
    Ambiguous,

    /// <summary>Anything else: a 4xx we must not repeat, a 5xx that outlived the retries, a connection that never opened, an untrusted URL; Teams did not take the request.</summary>
    Failed,
}

public sealed record ConnectorResult<T>(
    ConnectorOutcome Outcome,
    T? Value = default,
    int? StatusCode = null,
    string? ErrorCode = null,
    TimeSpan? RetryAfter = null)
{
    public bool IsSent => Outcome == ConnectorOutcome.Sent;
}
