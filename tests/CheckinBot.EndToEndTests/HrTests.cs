namespace CheckinBot.EndToEndTests;

/// <summary>
/// HR in the playground: Adele Vance creates a cadence in chat (a rejected field is fixed, nothing else retyped), pauses
/// and resumes it, and runs it now;
/// Alex Wilber, in his own playground, receives the first question and answers it.
/// </summary>
public sealed class HrTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Hr_CreatesACadenceInChat_FixesWhatItRejects_PausesIt_AndRunsItNow_TheEmployeeAnswers()
    {
        var alex = await PlaygroundPage.OpenAsync(stack);
        var adele = await PlaygroundPage.OpenAsync(stack, stack.HrPlaygroundUrl);
        try
        {
            await alex.SeeAsync("I'm CheckinBot");
            await adele.SeeAsync("I'm CheckinBot");
            await adele.TypeAsync("cadences");
            await adele.SeeAsync("Check-in cadences");
            await adele.ClickAsync("New cadence");
            await adele.FillAsync("Name", "Weekly growth check-in");
            await adele.FillAsync("Time zone for people whose zone is unknown", "Mars/Olympus");
            // Starts in two months, so only "run now" sends it during the test.
            await adele.FillAsync("Start date (optional)", DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await adele.ClickAsync("Save cadence");
            await adele.SeeAsync("'Mars/Olympus' is not a known time zone");
            await adele.FillAsync("Time zone for people whose zone is unknown", "Europe/Berlin");
            await adele.ClickAsync("Save cadence");
            await adele.SeeAsync("Saved: Weekly growth check-in.");

            await adele.TypeAsync("cadences");
            await adele.SeeAsync("every week on Monday at 09:30");
            await adele.ClickAsync("Pause Weekly growth check-in");
            await adele.SeeAsync("paused");
            await adele.ClickAsync("Resume Weekly growth check-in");
            await adele.SeeAsync("active");

            await adele.ClickAsync("Run Weekly growth check-in now");
            await adele.SeeAsync("Send Weekly growth check-in to 20 people now?"); // samples/org.csv: everyone
            await adele.ClickAsync("Send now");
            await adele.SeeAsync("is going out to 20 people now");
            await alex.SeeAsync("Time for your Weekly growth check-in.");
            await alex.ClickAsync("4");
            await alex.SeeAsync("What did you learn or accomplish?");
        }
        catch
        {
            await adele.CaptureAsync("hr-failure");
            await alex.CaptureAsync("hr-alex-failure");
            throw;
        }
        finally
        {
            await adele.Page.CloseAsync();
            await alex.Page.CloseAsync();
        }
    }
}
