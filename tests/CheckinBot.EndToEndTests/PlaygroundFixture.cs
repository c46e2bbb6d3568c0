using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CheckinBot.TestKit;
using Microsoft.Playwright;

namespace CheckinBot.EndToEndTests;

/// <summary>
/// The whole local stack as a person meets it: Azurite, the bot in local mode on real Kestrel, the Microsoft 365
/// Agents Playground (a Teams emulator speaking the real protocol) pointed at it, and headless Chromium.
/// </summary>
public sealed partial class PlaygroundFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private BotApplicationFactory<Program>? _bot;
    private ChildProcess? _playground;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri PlaygroundUrl { get; private set; } = null!;
    public string StorageConnectionString => _azurite.ConnectionString;
    public string TablePrefix => _bot!.TablePrefix;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _bot = new BotApplicationFactory<Program>(_azurite);
        var botUrl = _bot.StartOnLoopback();

        var port = FreeLoopbackPort();
        _playground = ChildProcess.Start("node",
        [
            "-r", Path.Combine(RepoPaths.Root, "scripts", "loopback-only.cjs"),
            Path.Combine(RepoPaths.Root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
            "-e", new Uri(botUrl, "api/messages").ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--disable-telemetry",
        ]);
        var listening = await _playground.WaitForOutputAsync(ListeningOn(), TimeSpan.FromSeconds(60));
        PlaygroundUrl = new Uri($"http://127.0.0.1:{listening.Groups[1].Value}/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from reaching out at all.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_playground is not null)
            await _playground.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningOn();
}
