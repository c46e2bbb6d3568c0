using System.Text.Json;
using CheckinBot.Core.Cadences;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.EndToEndTests;

/// <summary>
/// HR in the playground: Adele Vance sees the cadences with their next run, pauses and resumes one, and runs it now;
/// Alex Wilber, in his own playground, receives the first question and answers it.
/// </summary>
public sealed class HrTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task Hr_ListsCadences_PausesOne_AndRunsItNow_TheEmployeeAnswers()
    {
        var cadence = JsonSerializer.Deserialize<Cadence>(await TestKit.SampleCadence.RunNowOnlyJsonAsync(), Json)!;
        Assert.True(await stack.BotServices.GetRequiredService<ICadenceStore>().TrySaveAsync(cadence, CancellationToken.None));
        var alex = await PlaygroundPage.OpenAsync(stack);
        var adele = await PlaygroundPage.OpenAsync(stack, stack.HrPlaygroundUrl);
        try
        {
            await alex.SeeAsync("I'm CheckinBot");
            await adele.SeeAsync("I'm CheckinBot");
            await adele.TypeAsync("cadences");
            await adele.SeeAsync("Check-in cadences");
            await adele.SeeAsync("every week on Monday at 09:30");
            await adele.ClickAsync("Pause Weekly growth check-in");
            await adele.SeeAsync("paused");
            await adele.ClickAsync("Resume Weekly growth check-in");
            await adele.SeeAsync("active");

            await adele.ClickAsync("Run Weekly growth check-in now");
            await adele.SeeAsync("is going out to its audience now");
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
