namespace CheckinBot.EndToEndTests;

/// <summary>
/// Two people in two Agents Playgrounds, as in the local run: Alex Wilber shares a check-in, his manager Megan Bowen
/// (samples/org.csv) gets the summary card in her own chat, answers with feedback, and it appears in Alex's chat.
/// </summary>
public sealed class ManagerTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task SharedCheckin_SummaryReachesTheManager_AndHerFeedbackReachesTheEmployee()
    {
        var megan = await PlaygroundPage.OpenAsync(stack, stack.ManagerPlaygroundUrl);
        var alex = await PlaygroundPage.OpenAsync(stack);
        try
        {
            await megan.SeeAsync("I'm CheckinBot");
            await alex.SeeAsync("I'm CheckinBot");

            await alex.TypeAsync("check in");
            await alex.ClickAsync("4");
            await alex.SeeAsync("What did you learn or accomplish?");
            await alex.TypeAsync("Paired with the data team on the importer");
            await alex.SeeAsync("Anything blocking you");
            await alex.TypeAsync("Waiting for prod access");
            await alex.SeeAsync("question 4 of");
            await alex.TypeAsync("skip");
            await alex.SeeAsync("Do you want to add a new learning goal?");
            await alex.ClickAsync("No");
            await alex.SeeAsync("feedback on?");
            await alex.TypeAsync("My talk outline");
            await alex.ClickAsync("Share with my manager");
            await alex.SeeAsync("Check-in shared with your manager");

            await megan.SeeAsync("Alex Wilber shared a check-in");
            await megan.SeeAsync("Waiting for prod access");
            await megan.FillAsync("Reply with feedback", "The importer pairing was a great call; I'll chase prod access today.");
            await megan.ClickAsync("Send feedback");
            await megan.SeeAsync("Feedback sent");

            await alex.SeeAsync("Feedback from Megan Bowen");
            await alex.SeeAsync("I'll chase prod access today.");

            await megan.TypeAsync("team");
            await megan.SeeAsync("Your team");
            await megan.SeeAsync("Last shared check-in");
        }
        catch
        {
            await alex.CaptureAsync("manager-alex-failure");
            await megan.CaptureAsync("manager-megan-failure");
            throw;
        }
        finally
        {
            await alex.Page.CloseAsync();
            await megan.Page.CloseAsync();
        }
    }
}
