using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CheckinBot.TestKit;

/// <summary>
/// App Service's managed identity endpoint on loopback (the <c>IDENTITY_ENDPOINT</c> / <c>IDENTITY_HEADER</c> pair,
/// api-version 2019-08-01: https://learn.microsoft.com/azure/app-service/overview-managed-identity#rest-endpoint-reference):
/// answers a token per request for the resource and client id asked for, and refuses a request without the header.
/// </summary>
public sealed class FakeManagedIdentityEndpoint : IAsyncDisposable
{
    public const string Header = "test-identity-header";
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private int _issued;

    private FakeManagedIdentityEndpoint(LoopbackServer server) => _server = server;

    /// <summary>The value for <c>IDENTITY_ENDPOINT</c>.</summary>
    public string Endpoint => _server.Url("msi/token");

    /// <summary>Each request's query (resource, client_id, api-version) and whether it carried the header.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    public static async Task<FakeManagedIdentityEndpoint> StartAsync()
    {
        FakeManagedIdentityEndpoint? self = null;
        var server = await LoopbackServer.StartAsync(app => app.MapGet("/msi/token", (HttpRequest request) =>
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            query["header"] = request.Headers["X-IDENTITY-HEADER"].ToString();
            self!._requests.Enqueue(query);
            if (query["header"] != Header)
                return Results.Json(new { statusCode = 400, message = "No X-IDENTITY-HEADER." }, statusCode: 400);
            var number = Interlocked.Increment(ref self._issued);
            return Results.Json(new Dictionary<string, string>
            {
                ["access_token"] = $"mi-token-{number}",
                ["expires_on"] = TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = query.GetValueOrDefault("resource") ?? "",
                ["token_type"] = "Bearer",
                ["client_id"] = query.GetValueOrDefault("client_id") ?? "",
            });
        }));
        self = new FakeManagedIdentityEndpoint(server);
        return self;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
