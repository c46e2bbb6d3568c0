using Azure.Data.Tables;
using CheckinBot.TestKit;

namespace CheckinBot.EndToEndTests;

/// <summary>A newcomer meets the bot in the Agents Playground, in headless Chromium.</summary>
public sealed class WelcomeAndHelpTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task NewUser_IsWelcomed_AndHelpWorksByTypingAndByButton()
    {
        var chat = await PlaygroundPage.OpenAsync(stack);
        try
        {
            // The playground installs the bot for Alex Wilber (install events carry no name); the bot greets.
            await chat.SeeAsync("Hi, I'm CheckinBot");

            await chat.TypeAsync("help");
            await chat.SeeAsync("What you can type");
            await chat.SeeAsync("export my data");
            await chat.SeeAsync("Your last four weeks; your team's and, for HR, the organisation's");

            await chat.ClickAsync("Show what I can do");
            await Microsoft.Playwright.Assertions.Expect(chat.Page.GetByText("What you can type")).ToHaveCountAsync(2, new() { Timeout = 30_000 });

            await chat.TypeAsync("tell me a joke");
            await chat.SeeAsync("Sorry, I didn't get that");

            // What the bot learned from the install is in Table Storage.
            var registrations = new TableServiceClient(stack.StorageConnectionString).GetTableClient(stack.TablePrefix + "registrations");
            var alex = (await registrations.GetEntityAsync<TableEntity>(Activities.UserAadId, "chat-" + Activities.UserAadId)).Value;
            Assert.Equal("Active", alex.GetString("Status"));
            Assert.Equal(Activities.TenantId, alex.GetString("TenantId"));
            Assert.StartsWith("http://localhost:", alex.GetString("ServiceUrl"), StringComparison.Ordinal);
        }
        catch
        {
            await chat.CaptureAsync("welcome-failure");
            throw;
        }
        finally
        {
            await chat.Page.CloseAsync();
        }
    }
}
