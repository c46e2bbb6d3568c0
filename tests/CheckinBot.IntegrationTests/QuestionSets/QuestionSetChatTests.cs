using System.Text.Json;
using CheckinBot.TestKit;
using Microsoft.Extensions.Time.Testing;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.IntegrationTests.QuestionSets;

/// <summary>
/// <c>question sets</c> in chat, with Alex as HR: the list, editing the default set by its card (every input sent back as
/// a Teams client would), a refused save that keeps what was typed, retiring; and Megan, who is not HR.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QuestionSetChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite, BotHostOptions.FakeClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))) with
    {
        Settings = new Dictionary<string, string?> { ["Hr:AdminUserIds:0"] = Activities.UserAadId },
    });

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task HrAddsAChoiceToTheDefaultSetByItsCard_AndTheNextCheckinAsksIt()
    {
        await _bot.SayAsync("question sets");
        Assert.Contains("Question sets", _bot.LastPosted(), StringComparison.Ordinal);
        await _bot.ClickAsync(new { verb = "questionset.edit", setId = "default" });
        var form = Inputs(_bot.LastPosted());
        Assert.Contains("What did you learn or accomplish? It goes on your brag sheet.", form.Values);

        form["new.prompt"] = "Which area grew most?";
        form["new.kind"] = "choice";
        form["new.choices"] = "Craft, People, Impact";
        await _bot.ClickAsync(Submit(form, "questionset.save", ("setId", "default")), "form-1");

        Assert.Contains("version 2", Saved("form-1"), StringComparison.Ordinal);
        await _bot.SayAsync("check in");
        await _bot.SayAsync("4");
        foreach (var answer in new[] { "Shipped the importer", "skip", "skip", "no", "skip" })
            await _bot.SayAsync(answer);
        var question = _bot.LastPosted();
        Assert.Contains("Which area grew most?", question, StringComparison.Ordinal);
        Assert.Contains("Impact", question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedSave_NamesTheProblem_AndKeepsWhatWasTyped()
    {
        await _bot.ClickAsync(new { verb = "questionset.new" });
        var form = Inputs(_bot.LastPosted());
        form["set.name"] = "Team pulse";
        form["new.prompt"] = "Pick one";
        form["new.kind"] = "choice";
        form["new.choices"] = "Only";

        await _bot.ClickAsync(Submit(form, "questionset.save"), "form-2");

        var again = Saved("form-2");
        Assert.Contains("a choice needs 2 to 8 different options", again, StringComparison.Ordinal);
        var kept = Inputs(Replaced("form-2"));
        Assert.Equal(("Team pulse", "Pick one", "Only"), (kept["set.name"], kept["new.prompt"], kept["new.choices"]));

        form["new.choices"] = "Calm, Busy, Swamped";
        await _bot.ClickAsync(Submit(form, "questionset.save"), "form-2");
        Assert.Contains("Saved: Team pulse, version 1, 1 questions.", Saved("form-2"), StringComparison.Ordinal);

        await _bot.ClickAsync(new { verb = "questionset.retire", setId = "team-pulse" }, "view-1");
        Assert.Contains("Retired: Team pulse.", Saved("view-1"), StringComparison.Ordinal);
        await _bot.ClickAsync(new { verb = "questionset.retire", setId = "default" }, "view-2");
        Assert.Contains("so it stays", Saved("view-2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoIsNotHr_GetsAPoliteNo()
    {
        await _bot.PostAsync(Activities.MessageFor(_bot.Connector.ServiceUrl, BotHost.Megan, "question sets"));

        Assert.Contains("managed by HR", _bot.LastPosted(), StringComparison.Ordinal);
    }

    /// <summary>Every input of the card with its value, as a Teams client sends them back on a submit.</summary>
    private static Dictionary<string, string?> Inputs(string activityJson)
    {
        var inputs = new Dictionary<string, string?>();
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
                    inputs[element.GetProperty("id").GetString()!] = element.TryGetProperty("value", out var value) ? value.GetString() : null;
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value);
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                    Walk(item);
            }
        }
        Walk(JsonDocument.Parse(activityJson).RootElement);
        return inputs;
    }

    private static Dictionary<string, string?> Submit(Dictionary<string, string?> inputs, string verb, params (string Key, string Value)[] data)
    {
        var value = new Dictionary<string, string?>(inputs) { ["verb"] = verb };
        foreach (var (key, text) in data)
            value[key] = text;
        return value;
    }

    /// <summary>The activity that replaced <paramref name="cardId"/> (the last replacement), as JSON.</summary>
    private string Replaced(string cardId) =>
        _bot.Connector.Requests.Last(r => r.Method == "PUT" && r.Path.EndsWith("/" + cardId, StringComparison.Ordinal)).Body;

    /// <summary>The same, unescaped, to read like the card.</summary>
    private string Saved(string cardId) => System.Text.RegularExpressions.Regex.Unescape(Replaced(cardId));
}
