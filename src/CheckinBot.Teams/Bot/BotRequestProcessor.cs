using System.Text.Json;
using CheckinBot.Core.Telemetry;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Authentication;
using CheckinBot.Teams.Connector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Bot;

/// <summary>
/// <c>POST /api/messages</c>: size limit, parse, authenticate, gate by channel and tenant, then hand the turn to the
/// handler. Status codes as README.md documents them: 413, 400, 401, 403, and 200 (or the invoke's own status).
/// </summary>
public sealed partial class BotRequestProcessor(
    InboundTokenValidator tokenValidator,
    TeamsActivityHandler handler,
    ConnectorClient connector,
    TurnFailures failures,
    IOptions<BotOptions> options,
    TimeProvider timeProvider,
    ILogger<BotRequestProcessor> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> ProcessAsync(HttpContext http)
    {
        var started = timeProvider.GetTimestamp();
        using var span = CheckinTelemetry.Source.StartActivity("turn");
        var turn = new TurnRecord();
        var result = await ProcessTurnAsync(http, turn);
        CheckinTelemetry.Turn(turn.Type, turn.Outcome, timeProvider.GetElapsedTime(started));
        span?.SetTag("checkinbot.activity.type", turn.Type);
        span?.SetTag("checkinbot.activity.id", turn.Id);
        span?.SetTag("checkinbot.outcome", turn.Outcome);
        return result;
    }

    /// <summary>What the telemetry learns of a turn as it goes: ids, type, and how it ended (never its text).</summary>
    private sealed class TurnRecord
    {
        public string? Type { get; set; }
        public string? Id { get; set; }

        /// <summary><c>rejected</c> (never reached the handler), <c>dropped</c>, <c>handled</c> or <c>failed</c>.</summary>
        public string Outcome { get; set; } = "rejected";
    }

    private async Task<IResult> ProcessTurnAsync(HttpContext http, TurnRecord record)
    {
        var cancellationToken = http.RequestAborted;
        if (http.Request.ContentLength > MaxBodyBytes)
            return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"The body must be at most {MaxBodyBytes} bytes.");

        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"The body must be at most {MaxBodyBytes} bytes.");

        var activity = Parse(body);
        if (activity is null)
            return Problem(StatusCodes.Status400BadRequest, "Not an activity", "The body must be a JSON activity with a 'type'.");

        (record.Type, record.Id) = (activity.Type, activity.Id);
        if (ActivityValidation.Check(activity) is { } problem)
            return Problem(StatusCodes.Status400BadRequest, "Unusable activity", problem);

        var auth = await tokenValidator.ValidateAsync(http.Request.Headers.Authorization.ToString(), activity, cancellationToken);
        switch (auth.Outcome)
        {
            case InboundAuthOutcome.Unauthorized:
                return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid Bot Connector token is required.");
            case InboundAuthOutcome.Forbidden:
                return Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token is not endorsed for this channel.");
            case InboundAuthOutcome.Unavailable:
                return Problem(StatusCodes.Status503ServiceUnavailable, "Try again", "Token signing keys could not be fetched.");
        }

        var bot = options.Value;
        if (!string.Equals(activity.ChannelId, bot.ChannelId, StringComparison.OrdinalIgnoreCase))
        {
            LogDropped(logger, activity.Type, "channel", activity.ChannelId);
            record.Outcome = "dropped";
            return Results.Ok();
        }
        if (!bot.IsTenantAllowed(activity.TenantId))
        {
            LogDropped(logger, activity.Type, "tenant", activity.TenantId);
            return Problem(StatusCodes.Status403Forbidden, "Tenant not allowed", "This bot does not serve the activity's tenant.");
        }
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null)
            return Problem(StatusCodes.Status400BadRequest, "Incomplete activity", "The activity needs 'serviceUrl' and 'conversation.id'.");

        var baseUri = bot.PublicBaseUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        var turn = new TurnContext(activity, connector, baseUri);
        InvokeResponse? invokeResponse;
        // Teams waits 5 s for an invoke (15 s for anything else); a turn that cannot finish in time gives up
        // cleanly (every write is conditional, so nothing half-done stays) instead of spending the budget on retries.
        using var deadline = new CancellationTokenSource(TurnBudget(activity.Type), timeProvider);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            invokeResponse = await handler.OnTurnAsync(turn, budget.Token);
            record.Outcome = "handled";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            record.Outcome = "failed";
            // The person's words are still in the chat above, so say plainly what happened: a passing fault is worth
            // sending again; a request that cannot succeed as it is must not be asked for again.
            var kind = failures.Classify(ex);
            if (kind == TurnFailureKind.Unknown)
                LogTurnBug(logger, activity.Type, ex);
            else
                LogTurnFailed(logger, activity.Type, kind, ex);
            var transient = kind == TurnFailureKind.Transient;
            var text = kind == TurnFailureKind.Permanent ? CannotSaveText : SorryText;
            if (activity.Type == ActivityTypes.Message && (await turn.SendTextAsync(text, CancellationToken.None)).IsSent)
                return Results.Ok();
            var status = kind switch { TurnFailureKind.Transient => 503, TurnFailureKind.Permanent => 400, _ => 500 };
            return activity.Type == ActivityTypes.Invoke
                ? Results.Json(InvokeResponses.Error(status, transient ? "TryAgain" : "Failed", text).Body, ProtocolJson.Options, statusCode: 200)
                : Problem(status, "Turn failed", text);
        }
        return invokeResponse is null
            ? Results.Ok()
            : Results.Json(invokeResponse.Body, ProtocolJson.Options, statusCode: invokeResponse.Status);
    }

    internal const string SorryText = "Sorry, I couldn't save that just now, so nothing changed. Please send it again in a moment.";

    internal const string CannotSaveText = "Sorry, I can't save that as it is (it doesn't fit what I can store). Nothing you entered before is lost; try a shorter answer, or type **help**.";

    /// <summary>
    /// How long a turn may work before it gives up: for an invoke a second short of Teams' 5 s (the answer still has to
    /// be written, logged and carried back over the network), for anything else a second short of 15 s.
    /// </summary>
    public static TimeSpan TurnBudget(string? activityType) => activityType == ActivityTypes.Invoke ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(14);

    /// <summary>Reads at most one byte past the limit, whatever Content-Length claimed; null when the body is too big.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
                return null;
        }
        return buffer.ToArray();
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
            return string.IsNullOrWhiteSpace(activity?.Type) ? null : activity;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Handling a {Type} activity failed ({Kind})")]
    private static partial void LogTurnFailed(ILogger logger, string? type, TurnFailureKind kind, Exception exception);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Handling a {Type} activity hit a bug")]
    private static partial void LogTurnBug(ILogger logger, string? type, Exception exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Dropped {Type} activity: {Gate} {Value} is not served")]
    private static partial void LogDropped(ILogger logger, string? type, string gate, string? value);
}
