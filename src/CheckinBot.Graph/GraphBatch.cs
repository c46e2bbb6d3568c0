using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

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
        where T : IParsable, new()
    {
        var found = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        var refused = new Dictionary<string, HttpStatusCode>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in ids.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(Size))
        {
            var batch = new BatchRequestContentCollection(graph);
            var stepToId = new Dictionary<string, string>();
            foreach (var id in chunk)
                stepToId[await batch.AddBatchRequestStepAsync(request(id))] = id;
            for (var attempt = 1; ; attempt++)
            {
                var sent = batch;
                var response = await calls.CallAsync(ct => graph.Batch.PostAsync(sent, ct), cancellationToken);
                var statuses = await response.GetResponsesStatusCodesAsync();
                foreach (var (step, status) in statuses)
                {
                    if (status == HttpStatusCode.OK && await response.GetResponseByIdAsync<T>(step) is { } body)
                        found[stepToId[step]] = body;
                    else if (status is not (HttpStatusCode.OK or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
                        refused[stepToId[step]] = status;
                }
                var throttled = statuses.Where(s => s.Value is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable).ToDictionary();
                if (throttled.Count == 0)
                    break;
                if (attempt == MaxRetries)
                    throw new HttpRequestException($"Graph kept throttling {throttled.Count} batched requests.", null, HttpStatusCode.TooManyRequests);
                var wait = TimeSpan.Zero;
                foreach (var step in throttled.Keys)
                {
                    using var item = await response.GetResponseByIdAsync(step);
                    var retryAfter = item.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
                    wait = retryAfter > wait ? retryAfter : wait;
                }
                LogThrottled(logger, throttled.Count, wait);
                await Task.Delay(wait, timeProvider, cancellationToken);
                batch = batch.NewBatchWithFailedRequests(throttled);
            }
        }
        return new Answers<T>(found, refused);
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Graph throttled {Count} batched requests; retrying them after {Wait}")]
    private static partial void LogThrottled(ILogger logger, int count, TimeSpan wait);
}
