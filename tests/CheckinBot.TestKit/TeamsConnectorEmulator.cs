using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CheckinBot.TestKit;

/// <summary>
/// A loopback Bot Connector that enforces Teams' limits (a sliding one-second window of <see cref="RequestsPerSecond"/>
/// requests per tenant, and per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 in an hour), answering 429 beyond
/// them (with <c>Retry-After</c> unless <see cref="SendRetryAfter"/> is off), injects <see cref="Faults"/> at set rates,
/// and records every delivered activity per conversation, so duplicates and losses can be counted exactly.
/// </summary>
/// <remarks>Limits: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit.</remarks>
public sealed class TeamsConnectorEmulator : IAsyncDisposable
{
    private static readonly (TimeSpan Window, int Max)[] ConversationLimits =
    [
        (TimeSpan.FromSeconds(1), 7), (TimeSpan.FromSeconds(2), 8), (TimeSpan.FromSeconds(30), 60), (TimeSpan.FromHours(1), 1800),
    ];

    private readonly LoopbackServer _server;
    private readonly Queue<long> _window = new();
    private readonly Dictionary<string, Queue<long>> _conversationWindows = []; // only under _gate
    private readonly ConcurrentDictionary<string, int> _delivered = new();
    private readonly ConcurrentQueue<DateTimeOffset> _deliveredAt = new();
    private readonly ConcurrentQueue<(string Conversation, string Body)> _bodies = new();
    private readonly Random _random = new(20261123);
    private readonly object _gate = new();
    private readonly ConcurrentQueue<TimeSpan> _pausesBeforeThrottling = new();
    private int _throttled;
    private int _faulted;
    private int _deliveredUnanswered;

    private TeamsConnectorEmulator(LoopbackServer server) => _server = server;

    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>Whether a 429 says when to come back (Teams usually does; a client must cope when it does not).</summary>
    public bool SendRetryAfter { get; set; } = true;

    public ConnectorFaults Faults { get; set; } = ConnectorFaults.None;

    /// <summary>Keep each delivered activity's body (to tell summaries from check-ins); off by default, as it costs memory.</summary>
    public bool KeepBodies { get; set; }

    /// <summary>With <see cref="KeepBodies"/>: every delivered activity, by conversation, in order of arrival.</summary>
    public IReadOnlyList<(string Conversation, string Body)> DeliveredBodies => [.. _bodies];

    public string ServiceUrl => _server.BaseUri.ToString();

    /// <summary>429s for going over a limit (not the injected ones).</summary>
    public int Throttled => _throttled;

    /// <summary>
    /// For each 429 over the tenant's limit, the longest pause between two requests in the second before it: a long
    /// one means requests held up somewhere (a stalled process, the network) arrived together, not that more were sent.
    /// </summary>
    public IReadOnlyList<TimeSpan> PausesBeforeThrottling => [.. _pausesBeforeThrottling];

    /// <summary>Requests answered with an injected fault.</summary>
    public int Faulted => _faulted;

    /// <summary>Messages delivered whose answer was then lost on purpose (504, reset, silence): the bot cannot know they arrived.</summary>
    public int DeliveredUnanswered => _deliveredUnanswered;

    /// <summary>Activities delivered per conversation.</summary>
    public IReadOnlyDictionary<string, int> Delivered => _delivered;

    public IReadOnlyList<DateTimeOffset> DeliveredAt => [.. _deliveredAt];

    /// <summary>Forgets what was delivered so far (welcome messages while seeding), so a run is counted on its own.</summary>
    public void ClearRecord()
    {
        _delivered.Clear();
        _deliveredAt.Clear();
        _bodies.Clear();
        Interlocked.Exchange(ref _throttled, 0);
        _pausesBeforeThrottling.Clear();
        Interlocked.Exchange(ref _faulted, 0);
        Interlocked.Exchange(ref _deliveredUnanswered, 0);
    }

    public static async Task<TeamsConnectorEmulator> StartAsync()
    {
        TeamsConnectorEmulator? emulator = null;
        var server = await LoopbackServer.StartAsync(app => app.Map("/v3/{**rest}", (Delegate)((HttpContext ctx) => emulator!.HandleAsync(ctx))));
        emulator = new TeamsConnectorEmulator(server);
        return emulator;
    }

    private async Task<IResult> HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var segments = path.Split('/');
        var conversation = segments.Length > 3 && segments[2] == "conversations" ? Uri.UnescapeDataString(segments[3]) : null;
        if (!TryTakeSlot(conversation))
        {
            Interlocked.Increment(ref _throttled);
            return TooManyRequests(ctx);
        }
        if (await InjectedFaultAsync(ctx) is { } fault)
        {
            Interlocked.Increment(ref _faulted);
            return fault;
        }
        if (ctx.Request.Method == "POST" && conversation is not null && path.EndsWith("/activities", StringComparison.Ordinal))
        {
            using var body = await JsonDocument.ParseAsync(ctx.Request.Body);
            _delivered.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            _deliveredAt.Enqueue(TimeProvider.System.GetUtcNow());
            if (KeepBodies)
                _bodies.Enqueue((conversation, body.RootElement.GetRawText()));
            if (await AnswerLostAsync(ctx) is { } lost)
            {
                Interlocked.Increment(ref _faulted);
                Interlocked.Increment(ref _deliveredUnanswered);
                return lost;
            }
            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
        }
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    private IResult TooManyRequests(HttpContext ctx)
    {
        if (SendRetryAfter)
            ctx.Response.Headers.RetryAfter = "1";
        return Error(429, "Throttled", "Too many requests");
    }

    private async Task<IResult?> InjectedFaultAsync(HttpContext ctx)
    {
        var faults = Faults;
        if (faults == ConnectorFaults.None)
            return null;
        if (Draw(faults.Throttled))
            return TooManyRequests(ctx);
        if (Draw(faults.Unavailable))
            return Error(503, "ServiceUnavailable", "The service is unavailable");
        if (Draw(faults.Timeout))
        {
            await HoldUntilAbortedAsync(ctx); // until the caller gives up: nothing was delivered
            return Results.Empty;
        }
        if (Draw(faults.Blocked))
            return Error(403, "MessageWritesBlocked", "Thread is blocked by the user");
        if (Draw(faults.ConversationGone))
            return Error(404, "ConversationNotFound", "Conversation not found");
        return null;
    }

    /// <summary>After a delivery: the answer that never reaches the caller, or null for a plain 201.</summary>
    private async Task<IResult?> AnswerLostAsync(HttpContext ctx)
    {
        var faults = Faults;
        if (Draw(faults.DeliveredThenGatewayTimeout))
            return Error(504, "GatewayTimeout", "The gateway timed out");
        if (Draw(faults.DeliveredThenReset))
        {
            ctx.Abort();
            return Results.Empty;
        }
        if (Draw(faults.DeliveredThenSilent))
        {
            await HoldUntilAbortedAsync(ctx);
            return Results.Empty;
        }
        return null;
    }

    private bool Draw(double share)
    {
        lock (_random)
            return share > 0 && _random.NextDouble() < share;
    }

    private static async Task HoldUntilAbortedAsync(HttpContext ctx)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    private bool TryTakeSlot(string? conversation)
    {
        var now = TimeProvider.System.GetTimestamp();
        var frequency = TimeProvider.System.TimestampFrequency;
        lock (_gate)
        {
            while (_window.TryPeek(out var oldest) && now - oldest >= frequency)
                _window.Dequeue();
            if (_window.Count >= RequestsPerSecond)
            {
                var pause = _window.Zip(_window.Skip(1), (a, b) => b - a).Append(now - _window.Last()).Max();
                _pausesBeforeThrottling.Enqueue(TimeSpan.FromSeconds((double)pause / frequency));
                return false;
            }
            if (conversation is not null)
            {
                if (!_conversationWindows.TryGetValue(conversation, out var sent))
                    _conversationWindows[conversation] = sent = new Queue<long>();
                var longest = (long)(ConversationLimits[^1].Window.TotalSeconds * frequency);
                while (sent.TryPeek(out var oldest) && now - oldest >= longest)
                    sent.Dequeue();
                foreach (var (window, max) in ConversationLimits)
                {
                    var since = now - (long)(window.TotalSeconds * frequency);
                    if (sent.Count(at => at > since) >= max)
                        return false;
                }
                sent.Enqueue(now);
            }
            _window.Enqueue(now);
            return true;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
