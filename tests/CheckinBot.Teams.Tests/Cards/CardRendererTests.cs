using System.Text.Json;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Cards;
using CheckinBot.Teams.Welcome;
using CheckinBot.TestKit;

namespace CheckinBot.Teams.Tests.Cards;

/// <summary>Every card we send must parse cleanly in the official Adaptive Cards renderer (npm <c>adaptivecards</c>).</summary>
public sealed class CardRendererTests
{
    public static TheoryData<string, AdaptiveCard> AllCards => new()
    {
        { "welcome", WelcomeCards.Welcome("Alex Wilber") },
        { "welcome-no-name", WelcomeCards.Welcome(null) },
        { "help", WelcomeCards.Help() },
    };

    [Theory]
    [MemberData(nameof(AllCards))]
    public async Task Card_ParsesInOfficialRenderer_WithoutWarnings(string name, AdaptiveCard card)
    {
        var problems = await ValidateAsync(card);
        Assert.True(problems.Length == 0, $"{name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public async Task Validator_CardWithUnknownElement_ReportsIt()
    {
        // Guards the guard: the renderer check must be able to fail.
        var problems = await ValidateAsync(new { type = "AdaptiveCard", version = "1.5", body = new object[] { new { type = "Bogus" } } });
        Assert.Contains(problems, p => p.Contains("Bogus", StringComparison.Ordinal));
    }

    [Fact]
    public void Card_Serialized_HasTypeFirstAndSchema15()
    {
        var json = JsonSerializer.Serialize(WelcomeCards.Help(), ProtocolJson.Options);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("type", doc.RootElement.EnumerateObject().First().Name);
        Assert.Equal("1.5", doc.RootElement.GetProperty("version").GetString());
        Assert.Equal("Full", doc.RootElement.GetProperty("msteams").GetProperty("width").GetString());
        Assert.Equal("FactSet", doc.RootElement.GetProperty("body")[1].GetProperty("type").GetString());
    }

    private static async Task<string[]> ValidateAsync(object card)
    {
        var result = await ProcessRunner.RunAsync(
            "node",
            [Path.Combine(AppContext.BaseDirectory, "Cards", "validate-cards.js"), RepoPaths.Root],
            standardInput: JsonSerializer.Serialize(new[] { card }, ProtocolJson.Options));
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. JsonDocument.Parse(result.Output).RootElement.EnumerateArray().Select(p => p.GetProperty("message").GetString()!)];
    }
}
