using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CheckinBot.TestKit;

/// <summary>
/// An OpenTelemetry collector on loopback speaking OTLP over HTTP (protobuf bodies to <c>/v1/traces</c>,
/// <c>/v1/metrics</c>, <c>/v1/logs</c>: https://opentelemetry.io/docs/specs/otlp/#otlphttp). It keeps each body as
/// received; protobuf carries names and string values as UTF-8, so a test can look for a metric's name, or for text
/// that must never be there, without decoding the messages.
/// </summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();

    private FakeOtlpCollector(LoopbackServer server) => _server = server;

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string Endpoint => _server.BaseUri.ToString().TrimEnd('/');

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        FakeOtlpCollector? self = null;
        var server = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            self!._received.Enqueue((signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf"); // an empty ExportServiceResponse: all accepted
        }));
        self = new FakeOtlpCollector(server);
        return self;
    }

    /// <summary>Everything received for one signal (<c>traces</c>, <c>metrics</c>, <c>logs</c>), as text (UTF-8, lossy).</summary>
    public string Received(string signal) =>
        string.Join('\n', _received.Where(r => r.Signal == signal).Select(r => Encoding.UTF8.GetString(r.Body)));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
