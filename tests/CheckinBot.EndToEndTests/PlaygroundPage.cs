using Microsoft.Playwright;

namespace CheckinBot.EndToEndTests;

/// <summary>What a person does in the playground's chat: read, type into the compose box, click card buttons.</summary>
public sealed class PlaygroundPage(IPage page)
{
    private static readonly LocatorWaitForOptions Visible = new() { State = WaitForSelectorState.Visible, Timeout = 30_000 };

    public IPage Page => page;

    public static async Task<PlaygroundPage> OpenAsync(PlaygroundFixture stack, Uri? playground = null)
    {
        var page = await stack.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        await page.GotoAsync((playground ?? stack.PlaygroundUrl).ToString());
        return new PlaygroundPage(page);
    }

    public Task SeeAsync(string text) => page.GetByText(text).First.WaitForAsync(Visible);

    /// <summary>The compose box is a rich-text editor (cards may hold text boxes too): focus it, type, press Enter.</summary>
    public async Task TypeAsync(string text)
    {
        await page.Locator("[data-lexical-editor='true']").ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Clicks the newest button with this name: older cards may still show one with the same title.</summary>
    public async Task ClickAsync(string button)
    {
        var target = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).Last;
        await target.WaitForAsync(Visible);
        await target.ClickAsync();
    }

    /// <summary>Fills the newest card input with this label.</summary>
    public async Task FillAsync(string label, string value)
    {
        var input = page.GetByLabel(label).Last;
        await input.WaitForAsync(Visible);
        await input.FillAsync(value);
    }

    /// <summary>Keeps a screenshot of a failed run next to the test results.</summary>
    public async Task CaptureAsync(string name)
    {
        Directory.CreateDirectory("TestResults");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("TestResults", name + ".png"), FullPage = true });
    }
}
