using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CheckinBot.TestKit;

/// <summary>
/// A loopback Bot Connector: answers the v3 conversation routes as Teams does and records every request.
/// Scripted responses (<see cref="Enqueue"/>) are served first, in order, to whatever request comes next.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly List<ScriptedResponse> _script = [];
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _ids;

    private FakeConnector(LoopbackServer server) => _server = server;

    /// <summary>The serviceUrl to put in activities (with the trailing slash Teams uses).</summary>
    public string ServiceUrl => _server.BaseUri.ToString();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Bodies of the activities the bot posted (sends and replies), in order.</summary>
    public IReadOnlyList<JsonElement> PostedActivities =>
        [.. _requests.Where(r => r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement)];

    public static async Task<FakeConnector> StartAsync()
    {
        FakeConnector? connector = null;
        var server = await LoopbackServer.StartAsync(app =>
            app.Map("/v3/{**rest}", (Delegate)((HttpContext ctx) => connector!.HandleAsync(ctx))));
        connector = new FakeConnector(server);
        return connector;
    }

    /// <param name="delay">How long to wait before answering (a Teams that is slow to answer).</param>
    /// <param name="forPathContaining">Only a request whose path contains this takes the answer (others pass it by).</param>
    public void Enqueue(int status, string? body = null, string? retryAfter = null, TimeSpan? delay = null, string? forPathContaining = null)
    {
        lock (_script)
            _script.Add(new ScriptedResponse(status, body, retryAfter, delay, forPathContaining));
    }

    /// <summary>The next request is read in full and its connection then dropped without an answer.</summary>
    public void EnqueueReset() => Enqueue(ResetStatus);

    private const int ResetStatus = -1;

    /// <summary>Waits until at least <paramref name="count"/> activities were posted, or fails after the timeout.</summary>
    public Task<IReadOnlyList<JsonElement>> WaitForPostedActivitiesAsync(int count, TimeSpan? timeout = null) =>
        Eventually.ReadAsync(() => Task.FromResult(PostedActivities), posted => posted.Count >= count, $"{count} posted activities", timeout);

    private async Task<IResult> HandleAsync(HttpContext ctx)
    {
        var request = await RecordedRequest.FromAsync(ctx.Request);
        _requests.Enqueue(request);
        if (NextScripted(request.Path) is { } scripted)
        {
            if (scripted.Status == ResetStatus)
            {
                ctx.Abort();
                return Results.Empty;
            }
            if (scripted.Delay is { } delay)
                await Task.Delay(delay, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (scripted.RetryAfter is not null)
                ctx.Response.Headers.RetryAfter = scripted.RetryAfter;
            return Results.Content(scripted.Body ?? "", "application/json", statusCode: scripted.Status);
        }

        var id = $"activity-{Interlocked.Increment(ref _ids)}";
        return (request.Method, request.Path) switch
        {
            ("POST", "/v3/conversations") => Results.Json(new { id = $"a:conversation-{id}" }, statusCode: 201),
            ("POST", _) => Results.Json(new { id }, statusCode: 201),
            ("PUT", _) => Results.Json(new { id = request.Path.Split('/')[^1] }),
            _ => Results.NotFound(),
        };
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private ScriptedResponse? NextScripted(string path)
    {
        lock (_script)
        {
            var index = _script.FindIndex(s => s.ForPathContaining is null || path.Contains(s.ForPathContaining, StringComparison.Ordinal));
            if (index < 0)
                return null;
            var scripted = _script[index];
            _script.RemoveAt(index);
            return scripted;
        }
    }

    private sealed record ScriptedResponse(int Status, string? Body, string? RetryAfter, TimeSpan? Delay, string? ForPathContaining);
}
