using CheckinBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using Polly;
using Polly.CircuitBreaker;

namespace CheckinBot.Graph;

/// <summary>
/// Every call to Microsoft Graph goes through here: each attempt is cut after <see cref="GraphOptions.AttemptTimeout"/>,
/// and a circuit breaker stops calling a Graph that keeps failing (refused, timed out, 429 or 5xx after the SDK's own
/// retries, no token) for <see cref="GraphOptions.BreakDuration"/>, then lets one call test it. While it is open a call
/// fails at once (<see cref="BrokenCircuitException"/>), and the breaker's state is one log line per change and the
/// <c>checkinbot.graph.circuit</c> gauge, not an error per request. An answer (403 no consent, 404 no such user or
/// group, 409) is not a failure of Graph.
/// </summary>
internal sealed partial class GraphCalls
{
    private readonly ResiliencePipeline _pipeline;

    public GraphCalls(IOptions<GraphOptions> options, TimeProvider timeProvider, ILogger<GraphCalls> logger)
    {
        var graph = options.Value;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = graph.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsOutage),
                OnOpened = args =>
                {
                    CheckinTelemetry.GraphCircuit(2);
                    LogOpened(logger, args.Outcome.Exception?.GetType().Name ?? "failure", args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    CheckinTelemetry.GraphCircuit(1);
                    return default;
                },
                OnClosed = _ =>
                {
                    CheckinTelemetry.GraphCircuit(0);
                    LogClosed(logger);
                    return default;
                },
            })
            .AddTimeout(graph.AttemptTimeout)
            .Build();
    }

    public ValueTask<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken);

    private static bool IsOutage(Exception error) => error switch
    {
        OperationCanceledException => false, // the caller gave up (shutting down); not Graph's doing
        ApiException { ResponseStatusCode: > 0 and < 500 and not 429 } => false,
        _ => true,
    };

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Microsoft Graph keeps failing ({Error}); calls are skipped for {BreakDuration}, then tried again")]
    private static partial void LogOpened(ILogger logger, string error, TimeSpan breakDuration);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "Microsoft Graph answers again; calls go out")]
    private static partial void LogClosed(ILogger logger);
}
