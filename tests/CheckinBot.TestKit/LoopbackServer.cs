using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CheckinBot.TestKit;

/// <summary>A real HTTP server on 127.0.0.1 and a free port, for fakes that must speak the wire format.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> mapRoutes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        mapRoutes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as a fake server saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body)
{
    public static async Task<RecordedRequest> FromAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return new RecordedRequest(request.Method, request.Path + request.QueryString, request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, await reader.ReadToEndAsync());
    }
}
