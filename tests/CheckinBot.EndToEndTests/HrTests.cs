namespace CheckinBot.EndToEndTests;

/// <summary>
/// HR in the playground: Adele Vance creates a cadence in chat (a rejected field is fixed, nothing else retyped), pauses
/// and resumes it, adds a choice question to the default question set in its card, and runs the cadence now;
/// Alex Wilber, in his own playground, receives the check-in and answers it, the new question included.
/// </summary>
public sealed class HrTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Hr_CreatesACadence_EditsItsQuestionSet_AndRunsItNow_TheEmployeeAnswersTheNewQuestion()
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

            // The cadence asks the default set: Adele adds a choice question to it (a new version).
            await adele.TypeAsync("question sets");
            await adele.SeeAsync("Asked by");
            await adele.ClickAsync("Open Career growth check-in");
            await adele.ClickAsync("Edit Career growth check-in");
            await adele.FillAsync("Prompt", "Which area grew most?");
            await adele.FillAsync("Options for a choice, separated by commas", "Craft, People, Impact");
            await adele.ClickAsync("Save question set");
            await adele.SeeAsync("Saved: Career growth check-in, version 2");

            await adele.TypeAsync("cadences");
            await adele.ClickAsync("Run Weekly growth check-in now");
            await adele.SeeAsync("Send Weekly growth check-in to 20 people now?"); // samples/org.csv: everyone
            await adele.ClickAsync("Send now");
            await adele.SeeAsync("is going out to 20 people now");
            await alex.SeeAsync("Time for your Weekly growth check-in.");
            await alex.ClickAsync("4");
            await alex.SeeAsync("What did you learn or accomplish?");
            await alex.TypeAsync("Shipped the importer");
            await alex.SeeAsync("Anything blocking you");
            await alex.ClickAsync("Skip");
            await alex.SeeAsync("question 4 of"); // a rotating reflection prompt
            await alex.TypeAsync("skip");
            await alex.SeeAsync("Do you want to add a new learning goal?");
            await alex.ClickAsync("No");
            await alex.SeeAsync("feedback on?");
            await alex.TypeAsync("skip");
            await alex.SeeAsync("Which area grew most?");
            await alex.ClickAsync("People");
            await alex.SeeAsync("Share it with your manager, or keep it private?");
            await alex.ClickAsync("Keep private");
            await alex.SeeAsync("Check-in saved privately");
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
