using CheckinBot.TestKit;
using Microsoft.Playwright;

namespace CheckinBot.EndToEndTests;

/// <summary>
/// The bot in local mode on real Kestrel (Azurite behind it, samples/org.csv, Adele Vance an HR admin) and headless
/// Chromium: the Growth tab as a person opens it in a browser on loopback, with the local picker.
/// </summary>
public sealed class TabFixture : IAsyncLifetime
{
    public const string Alex = "00000000-0000-0000-0000-0000000000020";
    public const string Megan = "00000000-0000-0000-0000-0000000000021";
    public const string Adele = "00000000-0000-0000-0000-0000000000022";
    public const string Isaiah = "00000000-0000-0000-0000-0000000000023";

    /// <summary>Diego Siciliani, another of Alex's reports: the review pack test's own person, so no other test's goals show in it.</summary>
    public const string Diego = "4f0f7b2e-1c3a-4e51-9d2a-0a1b2c3d4e01";

    private readonly AzuriteFixture _azurite = new();
    private BotApplicationFactory<Program>? _bot;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BotUrl { get; private set; } = null!;
    public IServiceProvider BotServices => _bot!.Services;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _bot = new BotApplicationFactory<Program>(_azurite, new Dictionary<string, string?> { ["Hr:AdminUserIds:0"] = Adele });
        BotUrl = _bot.StartOnLoopback();
        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_bot is not null)
            await _bot.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
