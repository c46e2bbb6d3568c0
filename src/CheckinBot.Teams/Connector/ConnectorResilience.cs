using System.Net;
using CheckinBot.Core.Messaging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CheckinBot.Teams.Connector;

/// <summary>
/// The <c>teams-send</c> pipeline: retry 429/412/502/503/504 with jittered exponential back-off, honouring
/// Retry-After up to a limit. A POST is retried only when Teams said it did not take it (429, 412, 503); a 502,
/// a 504, a timeout or a dropped connection may hide a delivered message, so those POSTs are not repeated. Inside the
/// retries, every attempt of a call sent outside a turn takes a slot of the shared budget (<see cref="BudgetStrategy"/>).
/// </summary>
public static class ConnectorResilience
{
    public const string PipelineKey = "teams-send";

    /// <summary>Set on the resilience context of requests that are safe to repeat (GET, PUT, DELETE, create 1:1 conversation).</summary>
    public static readonly ResiliencePropertyKey<bool> Idempotent = new("checkin.idempotent");

    /// <summary>Set on calls made outside a turn: each attempt first takes a slot of the shared budget at this priority.</summary>
    public static readonly ResiliencePropertyKey<SendPriority> Budget = new("checkin.budget");

    /// <param name="budget">
    /// The deployment's shared budget: calls marked with <see cref="Budget"/> take a slot per attempt, and any 429 Teams
    /// sends pauses it, so every instance slows down, not just this call.
    /// </param>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorResilienceOptions options, TimeProvider timeProvider, IRateBudget? budget = null)
    {
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { } response ? RetryAfter(response, timeProvider) : null),
        });
        if (budget is not null)
            builder.AddStrategy(_ => new BudgetStrategy(budget, timeProvider), new BudgetStrategyOptions());
        builder.AddTimeout(options.AttemptTimeout);
    }

    internal static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, ConnectorResilienceOptions options, TimeProvider timeProvider)
    {
        var idempotent = context.Properties.GetValue(Idempotent, false);
        if (outcome.Exception is not null)
            return idempotent && outcome.Exception is HttpRequestException or TimeoutRejectedException;

        var response = outcome.Result!;
        if (RetryAfter(response, timeProvider) > options.MaxRetryAfter)
            return false;
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable => true,
            HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => idempotent,
            _ => false,
        };
    }

    /// <summary>Retry-After as seconds or an HTTP date, never negative.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay is { } d && d < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
