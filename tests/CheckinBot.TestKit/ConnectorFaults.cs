namespace CheckinBot.TestKit;

/// <summary>
/// Shares of requests the <see cref="TeamsConnectorEmulator"/> answers with a fault instead of delivering (each drawn
/// independently, in this order, from a seeded generator so a run can be repeated).
/// </summary>
/// <param name="Throttled">429 as Teams sends it when an app goes over its limits.</param>
/// <param name="Unavailable">503 Service Unavailable.</param>
/// <param name="Timeout">No answer at all until the caller gives up; nothing is delivered.</param>
/// <param name="Blocked">403 with the error code <c>MessageWritesBlocked</c> (the person blocked the bot).</param>
/// <param name="ConversationGone">404 with the error code <c>ConversationNotFound</c>.</param>
/// <param name="DeliveredThenGatewayTimeout">The message is delivered, then the caller gets a 504 (a gateway gave up waiting).</param>
/// <param name="DeliveredThenReset">The message is delivered, then the connection is dropped before the answer.</param>
/// <param name="DeliveredThenSilent">The message is delivered and no answer comes until the caller gives up.</param>
public sealed record ConnectorFaults(
    double Throttled = 0, double Unavailable = 0, double Timeout = 0, double Blocked = 0, double ConversationGone = 0,
    double DeliveredThenGatewayTimeout = 0, double DeliveredThenReset = 0, double DeliveredThenSilent = 0)
{
    public static ConnectorFaults None { get; } = new();

    /// <summary>
    /// The chaos benchmark's mix: 10 % 429, 5 % 503, and 1 % each of sends that are delivered and then answered with a
    /// 504, a reset connection or nothing (issue 19: the bot must neither repeat nor lose them).
    /// </summary>
    public static ConnectorFaults Chaos { get; } = new(Throttled: 0.10, Unavailable: 0.05,
        DeliveredThenGatewayTimeout: 0.01, DeliveredThenReset: 0.01, DeliveredThenSilent: 0.01);
}
