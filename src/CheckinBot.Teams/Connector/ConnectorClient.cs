using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CheckinBot.Core.Messaging;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;

namespace CheckinBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference): send, reply, update, delete, create a 1:1 conversation,
/// get a member. Every call goes only to a trusted service URL, carries the bot's token, runs through the
/// <c>teams-send</c> pipeline, and returns a <see cref="ConnectorResult{T}"/>.
/// </summary>
public sealed partial class ConnectorClient(
    HttpClient httpClient,
    IConnectorTokenProvider tokens,
    TrustedServiceUrls trustedServiceUrls,
    [FromKeyedServices(ConnectorResilience.PipelineKey)] ResiliencePipeline<HttpResponseMessage> pipeline,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger)
{
    /// <param name="budget">For a send outside a turn: each attempt first takes a slot of the shared budget at this priority.</param>
    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken, SendPriority? budget = null) =>
        CallAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities", activity, idempotent: false, budget, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}", activity, idempotent: true, budget: null, cancellationToken);

    /// <summary>Creates (or finds: Teams returns the existing chat) the 1:1 conversation with a person, so repeating it is safe.</summary>
    public Task<ConnectorResult<ConversationResourceResponse>> CreatePersonalConversationAsync(
        string serviceUrl, string botId, string channelUserId, string tenantId, CancellationToken cancellationToken, SendPriority? budget = null) =>
        CallAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = channelUserId }],
            TenantId = tenantId,
            ChannelData = new { tenant = new { id = tenantId } },
        }, idempotent: true, budget, cancellationToken);

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private async Task<ConnectorResult<T>> CallAsync<T>(
        HttpMethod method, string serviceUrl, string path, object? body, bool idempotent, SendPriority? budget, CancellationToken cancellationToken)
    {
        if (!trustedServiceUrls.IsTrusted(serviceUrl))
        {
            LogUntrusted(logger, method.Method, path);
            return new ConnectorResult<T>(ConnectorOutcome.Failed, ErrorCode: "UntrustedServiceUrl");
        }
        var uri = new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path);

        var token = await tokens.GetTokenAsync(cancellationToken);
        var (sent, lostAfterSending) = await SendAsync(method, uri, body, token, idempotent, budget, cancellationToken);
        if (sent?.StatusCode == HttpStatusCode.Unauthorized && token is not null)
        {
            // Our cached token went stale early: one more call with a fresh one (not a retry of faults: the pipeline does those).
            sent.Dispose();
            tokens.Invalidate(token);
            (sent, lostAfterSending) = await SendAsync(method, uri, body, await tokens.GetTokenAsync(cancellationToken), idempotent, budget, cancellationToken);
        }
        using var response = sent;
        if (response is null)
            return lostAfterSending && !idempotent
                ? new ConnectorResult<T>(ConnectorOutcome.Ambiguous, ErrorCode: "AnswerLost")
                : new ConnectorResult<T>(ConnectorOutcome.Failed, ErrorCode: "Transport");
        var result = await ToResultAsync<T>(response, idempotent, cancellationToken);
        LogCall(logger, method.Method, path, (int)response.StatusCode, result.Outcome);
        return result;
    }

    /// <returns>The response, or null and whether the request may have reached Teams before the failure.</returns>
    private async Task<(HttpResponseMessage? Response, bool LostAfterSending)> SendAsync(
        HttpMethod method, Uri uri, object? body, string? token, bool idempotent, SendPriority? budget, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ConnectorResilience.Idempotent, idempotent);
        if (budget is { } priority)
            context.Properties.Set(ConnectorResilience.Budget, priority);
        try
        {
            return (await pipeline.ExecuteAsync(async ctx =>
            {
                using var request = new HttpRequestMessage(method, uri);
                if (token is not null)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (body is not null)
                    request.Content = JsonContent.Create(body, body.GetType(), options: ProtocolJson.Options);
                return await httpClient.SendAsync(request, ctx.CancellationToken);
            }, context), false);
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            LogTransport(logger, method.Method, ex);
            return (null, !NeverLeft(ex));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Failures that happen before a request can reach Teams: no name, no connection, no TLS, no proxy tunnel. Anything
    /// else (a timeout, a reset or malformed answer) may come after Teams took the request.
    /// </summary>
    internal static bool NeverLeft(Exception exception) => exception is HttpRequestException
    {
        HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError or HttpRequestError.VersionNegotiationError or HttpRequestError.ExtendedConnectNotSupported,
    };

    private async Task<ConnectorResult<T>> ToResultAsync<T>(HttpResponseMessage response, bool idempotent, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var value = response.Content.Headers.ContentLength is 0 ? default
                : await ReadJsonOrDefaultAsync<T>(response, cancellationToken);
            return new ConnectorResult<T>(ConnectorOutcome.Sent, value, status);
        }

        var error = await response.Content.ReadAsStringAsync(cancellationToken);
        var code = ErrorCodeOf(error);
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => ConnectorOutcome.Throttled,
            HttpStatusCode.Forbidden when code == "MessageWritesBlocked" => ConnectorOutcome.RecipientGone,
            HttpStatusCode.NotFound when code == "ConversationNotFound" => ConnectorOutcome.RecipientGone,
            // A gateway answered for Teams: the request may have been delivered behind it.
            HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout when !idempotent => ConnectorOutcome.Ambiguous,
            _ => ConnectorOutcome.Failed,
        };
        return new ConnectorResult<T>(outcome, default, status, code, ConnectorResilience.RetryAfter(response, timeProvider));
    }

    private static async Task<T?> ReadJsonOrDefaultAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ProtocolJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>
    /// Teams errors come as <c>{"error":{"code":...}}</c>, or for blocked bots as
    /// <c>{"errorCode":209,"message":"{...\"subCode\":\"MessageWritesBlocked\"...}"}</c> (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).
    /// </summary>
    internal static string? ErrorCodeOf(string body)
    {
        if (body.Contains("MessageWritesBlocked", StringComparison.Ordinal))
            return "MessageWritesBlocked";
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code))
            {
                return code.GetString();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Connector {Method} {Path} -> {Status} {Outcome}")]
    private static partial void LogCall(ILogger logger, string method, string path, int status, ConnectorOutcome outcome);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Refused connector {Method} {Path}: service URL is not trusted")]
    private static partial void LogUntrusted(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Connector {Method} failed in transport")]
    private static partial void LogTransport(ILogger logger, string method, Exception exception);
}
