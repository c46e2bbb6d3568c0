using Azure.Data.Tables;
using CheckinBot.TestKit;
using Microsoft.Playwright;

namespace CheckinBot.EndToEndTests;

/// <summary>Drives the Agents Playground in headless Chromium the way a person would: read, type, click.</summary>
public sealed class WelcomeAndHelpTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    private static readonly LocatorWaitForOptions Visible = new() { State = WaitForSelectorState.Visible, Timeout = 30_000 };

    [Fact]
    public async Task NewUser_IsWelcomed_AndHelpWorksByTypingAndByButton()
    {
        var page = await stack.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        try
        {
            await page.GotoAsync(stack.PlaygroundUrl.ToString());

            // The playground installs the bot for Alex Wilber (install events carry no name); the bot greets with its welcome card.
            await page.GetByText("Hi, I'm CheckinBot").First.WaitForAsync(Visible);
            var showHelp = page.GetByRole(AriaRole.Button, new() { Name = "Show what I can do" });
            await showHelp.First.WaitForAsync(Visible);

            await TypeAsync(page, "help");
            await page.GetByText("What you can type").First.WaitForAsync(Visible);
            await page.GetByText("export my data").First.WaitForAsync(Visible);
            await page.GetByText("HR: participation and goal metrics").First.WaitForAsync(Visible);

            await showHelp.First.ClickAsync();
            await Assertions.Expect(page.GetByText("What you can type")).ToHaveCountAsync(2, new() { Timeout = 30_000 });

            await TypeAsync(page, "tell me a joke");
            await page.GetByText("Sorry, I didn't get that").First.WaitForAsync(Visible);

            // What the bot learned from the install is in Table Storage.
            var registrations = new TableServiceClient(stack.StorageConnectionString).GetTableClient(stack.TablePrefix + "registrations");
            var alex = (await registrations.GetEntityAsync<TableEntity>(Activities.UserAadId, "chat")).Value;
            Assert.Equal("Active", alex.GetString("Status"));
            Assert.Equal(Activities.TenantId, alex.GetString("TenantId"));
            Assert.StartsWith("http://localhost:", alex.GetString("ServiceUrl"), StringComparison.Ordinal);
        }
        catch
        {
            Directory.CreateDirectory("TestResults");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("TestResults", "playground-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>The compose box is a rich-text editor, not an input: focus it, type, press Enter.</summary>
    private static async Task TypeAsync(IPage page, string text)
    {
        var compose = page.GetByRole(AriaRole.Textbox);
        await compose.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }
}
