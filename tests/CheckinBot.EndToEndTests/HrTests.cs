using System.Text.Json;
using CheckinBot.Core.Cadences;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.EndToEndTests;

/// <summary>HR in the playground: Adele Vance sees the cadences with their next run and pauses one with a click.</summary>
public sealed class HrTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task Hr_ListsCadences_AndPausesOne()
    {
        var cadence = JsonSerializer.Deserialize<Cadence>(await File.ReadAllTextAsync(Path.Combine(TestKit.RepoPaths.Root, "samples", "cadence.json")), Json)!;
        Assert.True(await stack.BotServices.GetRequiredService<ICadenceStore>().TrySaveAsync(cadence, CancellationToken.None));
        var adele = await PlaygroundPage.OpenAsync(stack, stack.HrPlaygroundUrl);
        try
        {
            await adele.SeeAsync("I'm CheckinBot");
            await adele.TypeAsync("cadences");
            await adele.SeeAsync("Check-in cadences");
            await adele.SeeAsync("every week on Monday at 09:30");
            await adele.ClickAsync("Pause Weekly growth check-in");
            await adele.SeeAsync("paused");
            await adele.ClickAsync("Resume Weekly growth check-in");
            await adele.SeeAsync("active");
        }
        catch
        {
            await adele.CaptureAsync("hr-failure");
            throw;
        }
        finally
        {
            await adele.Page.CloseAsync();
        }
    }
}
