using System.Globalization;
using System.Text.Json.Nodes;

namespace CheckinBot.TestKit;

/// <summary>
/// samples/cadence.json starting 60 days from now: it goes out only when "run now" asks, so the scheduled planner of a
/// host under test never sends today's cycle as well.
/// </summary>
public static class SampleCadence
{
    public static async Task<string> RunNowOnlyJsonAsync(bool active = true)
    {
        var cadence = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "cadence.json")))!;
        cadence["schedule"]!["startDate"] = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        cadence["active"] = active;
        return cadence.ToJsonString();
    }
}
