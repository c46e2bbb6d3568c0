namespace CheckinBot.EndToEndTests;

/// <summary><c>stats</c> in the playground as Alex Wilber (his own weeks; his team of two shows no number) and as Adele Vance of HR.</summary>
public sealed class StatsTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Stats_ShowsAlexHisOwnWeeks_AndAdeleTheOrganisation()
    {
        var alex = await PlaygroundPage.OpenAsync(stack);
        var adele = await PlaygroundPage.OpenAsync(stack, stack.HrPlaygroundUrl);
        try
        {
            await alex.SeeAsync("I'm CheckinBot");
            await alex.TypeAsync("stats");
            await alex.SeeAsync("The last four weeks");
            await alex.SeeAsync("Your team (everyone who reports to you, directly or not)"); // Alex leads Isaiah and Diego
            await alex.SeeAsync("so no figures are shown");

            await adele.SeeAsync("I'm CheckinBot");
            await adele.TypeAsync("stats");
            await adele.SeeAsync("Organisation");
        }
        catch
        {
            await adele.CaptureAsync("stats-adele-failure");
            await alex.CaptureAsync("stats-alex-failure");
            throw;
        }
        finally
        {
            await adele.Page.CloseAsync();
            await alex.Page.CloseAsync();
        }
    }
}
