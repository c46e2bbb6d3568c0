using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CheckinBot.TestKit;

/// <summary>
/// A loopback Bot Connector that enforces Teams' app-wide limit (a sliding one-second window of
/// <see cref="RequestsPerSecond"/> requests per tenant, answered 429 with <c>Retry-After</c> beyond it) and records
/// every delivered activity per conversation, so duplicates and losses can be counted exactly.
/// </summary>
public sealed class TeamsConnectorEmulator : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<long> _window = new();
    private readonly ConcurrentDictionary<string, int> _delivered = new();
    private readonly ConcurrentQueue<DateTimeOffset> _deliveredAt = new();
    private readonly object _gate = new();
    private int _throttled;

    private TeamsConnectorEmulator(LoopbackServer server) => _server = server;

    public int RequestsPerSecond { get; set; } = 50;

    public string ServiceUrl => _server.BaseUri.ToString();

    public int Throttled => _throttled;

    /// <summary>Activities delivered per conversation.</summary>
    public IReadOnlyDictionary<string, int> Delivered => _delivered;

    public IReadOnlyList<DateTimeOffset> DeliveredAt => [.. _deliveredAt];

    /// <summary>Forgets what was delivered so far (welcome messages while seeding), so a run is counted on its own.</summary>
    public void ClearRecord()
    {
        _delivered.Clear();
        _deliveredAt.Clear();
        Interlocked.Exchange(ref _throttled, 0);
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
        if (!TryTakeSlot())
        {
            Interlocked.Increment(ref _throttled);
            ctx.Response.Headers.RetryAfter = "1";
            return Results.Json(new { error = new { code = "Throttled", message = "Too many requests" } }, statusCode: 429);
        }
        var path = ctx.Request.Path.Value ?? "";
        if (ctx.Request.Method == "POST" && path.EndsWith("/activities", StringComparison.Ordinal))
        {
            using var body = await JsonDocument.ParseAsync(ctx.Request.Body);
            var conversation = Uri.UnescapeDataString(path.Split('/')[3]);
            _delivered.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            _deliveredAt.Enqueue(TimeProvider.System.GetUtcNow());
            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
        }
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    private bool TryTakeSlot()
    {
        lock (_gate)
        {
            var now = TimeProvider.System.GetTimestamp();
            var second = TimeProvider.System.TimestampFrequency;
            while (_window.TryPeek(out var oldest) && now - oldest >= second)
                _window.TryDequeue(out _);
            if (_window.Count >= RequestsPerSecond)
                return false;
            _window.Enqueue(now);
            return true;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
