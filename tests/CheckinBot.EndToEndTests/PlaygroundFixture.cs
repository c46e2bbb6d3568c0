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
    private ChildProcess? _managerPlayground;
    private ChildProcess? _hrPlayground;
    private readonly string _logs = Directory.CreateTempSubdirectory("checkinbot-playground-").FullName;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    /// <summary>The playground signed in as Alex Wilber (its default user).</summary>
    public Uri PlaygroundUrl { get; private set; } = null!;

    /// <summary>A second playground signed in as Megan Bowen, Alex's manager in samples/org.csv.</summary>
    public Uri ManagerPlaygroundUrl { get; private set; } = null!;

    /// <summary>A third playground signed in as Adele Vance, an HR admin (Hr:AdminUserIds).</summary>
    public Uri HrPlaygroundUrl { get; private set; } = null!;

    public const string HrUserId = "00000000-0000-0000-0000-0000000000022";

    public IServiceProvider BotServices => _bot!.Services;
    public string StorageConnectionString => _azurite.ConnectionString;
    public string TablePrefix => _bot!.TablePrefix;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _bot = new BotApplicationFactory<Program>(_azurite, new Dictionary<string, string?> { ["Hr:AdminUserIds:0"] = HrUserId });
        var botUrl = _bot.StartOnLoopback();

        var endpoint = new Uri(botUrl, "api/messages");
        (_playground, PlaygroundUrl) = await StartPlaygroundAsync(endpoint, "alex", config: null);
        (_managerPlayground, ManagerPlaygroundUrl) = await StartPlaygroundAsync(endpoint, "manager", Path.Combine(RepoPaths.Root, "scripts", "playground", "manager.yml"));
        (_hrPlayground, HrPlaygroundUrl) = await StartPlaygroundAsync(endpoint, "hr", Path.Combine(RepoPaths.Root, "scripts", "playground", "hr.yml"));

        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_playground is not null)
            await _playground.DisposeAsync();
        if (_managerPlayground is not null)
            await _managerPlayground.DisposeAsync();
        if (_hrPlayground is not null)
            await _hrPlayground.DisposeAsync();
        if (_bot is not null)
            await _bot.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_logs, recursive: true);
    }

    /// <summary>One Agents Playground pointed at the bot; its own log goes to a temp folder, never the repository.</summary>
    private async Task<(ChildProcess Process, Uri Url)> StartPlaygroundAsync(Uri botEndpoint, string name, string? config)
    {
        var environment = new Dictionary<string, string> { ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(_logs, name + ".log") };
        if (config is not null)
            environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = config;
        var process = ChildProcess.Start("node",
        [
            "-r", Path.Combine(RepoPaths.Root, "scripts", "loopback-only.cjs"),
            Path.Combine(RepoPaths.Root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js"),
            "-e", botEndpoint.ToString(), "-c", "msteams", "-p", FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--disable-telemetry",
        ], environment);
        var listening = await process.WaitForOutputAsync(ListeningOn(), TimeSpan.FromSeconds(60));
        return (process, new Uri($"http://127.0.0.1:{listening.Groups[1].Value}/"));
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
