namespace CheckinBot.Teams.Authentication;

public enum InboundAuthOutcome
{
    /// <summary>A valid token for this bot.</summary>
    Authenticated,

    /// <summary>Local mode (no app id) and no Authorization header.</summary>
    Anonymous,

    /// <summary>Missing or invalid token: 401.</summary>
    Unauthorized,

    /// <summary>Valid signature but the channel is not endorsed for the key: 403.</summary>
    Forbidden,

    /// <summary>The identity provider's metadata could not be fetched: 503, the sender may retry.</summary>
    Unavailable,
}

/// <summary>The verdict on an inbound request's token. <see cref="Reason"/> is for logs, never for the response body.</summary>
public sealed record InboundAuthResult(InboundAuthOutcome Outcome, string? Reason = null)
{
    public bool IsAllowed => Outcome is InboundAuthOutcome.Authenticated or InboundAuthOutcome.Anonymous;

    internal static InboundAuthResult Unauthorized(string reason) => new(InboundAuthOutcome.Unauthorized, reason);
    internal static InboundAuthResult Forbidden(string reason) => new(InboundAuthOutcome.Forbidden, reason);
}
