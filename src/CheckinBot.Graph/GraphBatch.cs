using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace CheckinBot.Graph;

/// <summary>
/// One GET per id in <c>$batch</c> requests of 20, retrying only the items Graph throttled, after their own
/// <c>Retry-After</c> (the SDK's handlers retry whole requests; batch items are ours). Every request goes through
/// <see cref="GraphCalls"/> (attempt timeout, circuit breaker).
/// </summary>
internal sealed partial class GraphBatch(GraphServiceClient graph, GraphCalls calls, TimeProvider timeProvider, ILogger<GraphBatch> logger)
{
    public const int Size = 20;
    private const int MaxRetries = 5;

    /// <summary>What came back: each id answered 200 with its body, and the status of each that was refused (403, 404, …).</summary>
    public sealed record Answers<T>(IReadOnlyDictionary<string, T> Found, IReadOnlyDictionary<string, HttpStatusCode> Refused);

    public async Task<Answers<T>> GetEachAsync<T>(
        IEnumerable<string> ids, Func<string, RequestInformation> request, CancellationToken cancellationToken)
        where T : Microsoft.Kiota.Abstractions.Serialization.IParsable, new()
    {
        var found = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var refused = new Dictionary<string, HttpStatusCode>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in ids.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(Size))
        {
            IReadOnlyList<string> pending = chunk;
            for (var attempt = 1; ; attempt++)
            {
                var batch = new BatchRequestContentCollection(graph);
                var stepToId = new Dictionary<string, string>();
                foreach (var id in pending)
                    stepToId[await batch.AddBatchRequestStepAsync(request(id))] = id;
                var response = await calls.CallAsync(ct => graph.Batch.PostAsync(batch, ct), cancellationToken);
                var statuses = await response.GetResponsesStatusCodesAsync();
                var throttled = new List<string>();
                var wait = TimeSpan.Zero;
                foreach (var (step, status) in statuses)
                {
                    if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                    {
                        throttled.Add(stepToId[step]);
                        using var item = await response.GetResponseByIdAsync(step);
                        var retryAfter = item.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
                        wait = retryAfter > wait ? retryAfter : wait;
                    }
                    else if (status == HttpStatusCode.OK && await response.GetResponseByIdAsync<T>(step) is { } body)
                        found[stepToId[step]] = body;
                    else if (status != HttpStatusCode.OK)
                        refused[stepToId[step]] = status;
                }
                if (throttled.Count == 0)
                    break;
                if (attempt == MaxRetries)
                    throw new HttpRequestException($"Graph kept throttling {throttled.Count} batched requests.", null, HttpStatusCode.TooManyRequests);
                LogThrottled(logger, throttled.Count, wait);
                await Task.Delay(wait, timeProvider, cancellationToken);
                pending = throttled; // only those again, each as a request of its own in a new batch
            }
        }
        return new Answers<T>(found, refused);
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Graph throttled {Count} batched requests; retrying them after {Wait}")]
    private static partial void LogThrottled(ILogger logger, int count, TimeSpan wait);
}
