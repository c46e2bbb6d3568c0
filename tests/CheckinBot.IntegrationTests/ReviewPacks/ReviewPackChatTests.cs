using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CheckinBot.TestKit;
using DocumentFormat.OpenXml.Packaging;

namespace CheckinBot.IntegrationTests.ReviewPacks;

/// <summary>
/// <c>review pack</c> in chat, through storage and the bot's own download: pick a period, untick a line, get the Word
/// draft, share it; the manager's copy has no private check-in; <c>delete my data</c> ends both links.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReviewPackChatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite);

    public async Task InitializeAsync()
    {
        await _bot.InitializeAsync();
        await _bot.AddMeganAndWeeklyCadenceAsync(); // Megan has the bot: Alex's manager in samples/org.csv
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    private async Task CheckInAsync(string win, bool share)
    {
        await _bot.SayAsync("check in");
        foreach (var answer in new[] { "4", win, "skip", "skip", "no", "my demo" })
            await _bot.SayAsync(answer);
        await _bot.SayAsync(share ? "share" : "private");
    }

    private static string Readable(string json) => Regex.Unescape(json);

    private static string WordText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }

    [Fact]
    public async Task APersonBuildsTheirPack_LeavesALineOut_SharesIt_AndDeletingTheirDataEndsEveryLink()
    {
        await CheckInAsync("Shipped the importer", share: true);
        await CheckInAsync("Fixed the flaky build", share: false);
        await CheckInAsync("Ran the retro", share: true);

        await _bot.SayAsync("review pack");
        Assert.Contains("Which period?", _bot.LastPosted(), StringComparison.Ordinal);
        await _bot.ClickAsync(new { verb = "reviewpack.entries", months = "12" });
        var entries = JsonDocument.Parse(_bot.LastPosted()).RootElement;
        var wins = FindInput(entries, "pick-Wins");
        var choices = wins.GetProperty("choices").EnumerateArray().ToDictionary(c => c.GetProperty("title").GetString()!, c => c.GetProperty("value").GetString()!);
        Assert.Equal(3, choices.Count);
        Assert.Contains(choices.Keys, t => t.EndsWith("Fixed the flaky build (private check-in)", StringComparison.Ordinal));
        var build = entries.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0].GetProperty("data");

        // Alex unticks "Ran the retro".
        var kept = choices.Where(c => !c.Key.Contains("Ran the retro", StringComparison.Ordinal)).Select(c => c.Value);
        await _bot.ClickAsync(new Dictionary<string, string?>
        {
            ["verb"] = "reviewpack.build", ["from"] = build.GetProperty("from").GetString(), ["to"] = build.GetProperty("to").GetString(),
            ["pick-Wins"] = string.Join(',', kept), ["pick-Next"] = FindInput(entries, "pick-Next").GetProperty("value").GetString(),
        });
        var built = _bot.LastPosted();
        Assert.Contains("Your review pack is ready", built, StringComparison.Ordinal);
        var own = new Uri(Regex.Match(built, "\"url\":\"([^\"]+)\"").Groups[1].Value);
        var document = await _bot.Client.GetAsync(own.PathAndQuery);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", document.Content.Headers.ContentType?.MediaType);
        var text = WordText(await document.Content.ReadAsByteArrayAsync());
        Assert.Contains("Shipped the importer", text, StringComparison.Ordinal);
        Assert.Contains("Fixed the flaky build", text, StringComparison.Ordinal); // private, but it is Alex's own copy
        Assert.DoesNotContain("Ran the retro", text, StringComparison.Ordinal); // unticked
        Assert.Contains("Where each line comes from", text, StringComparison.Ordinal);

        var packId = Regex.Match(built, "\"pack\":\"([0-9a-f]+)\"").Groups[1].Value;
        await _bot.ClickAsync(new { verb = "reviewpack.share", pack = packId });
        Assert.Contains("Shared with Megan Bowen", Readable(_bot.LastPosted()), StringComparison.Ordinal);
        Assert.Contains("without the 2 lines from check-ins you kept private", Readable(_bot.LastPosted()), StringComparison.Ordinal); // its win and what it asked feedback on
        var card = await Eventually.ReadAsync(() => Task.FromResult(_bot.Connector.PostedActivities.Select(a => a.GetRawText())
            .FirstOrDefault(a => a.Contains("shared their review pack", StringComparison.Ordinal))), c => c is not null, "the manager's card");
        var managers = new Uri(Regex.Match(card!, "\"url\":\"([^\"]+)\"").Groups[1].Value);
        var managerText = WordText(await _bot.Client.GetByteArrayAsync(managers.PathAndQuery));
        Assert.Contains("Shipped the importer", managerText, StringComparison.Ordinal);
        Assert.DoesNotContain("Fixed the flaky build", managerText, StringComparison.Ordinal); // private: never in the manager's copy
        Assert.DoesNotContain("(private)", managerText, StringComparison.Ordinal);

        await _bot.SayAsync("delete my data");
        var requestedAt = Regex.Match(_bot.LastPosted(), "\"requestedAt\":\"(\\d+)\"").Groups[1].Value;
        await _bot.ClickAsync(new { verb = "data.erase", requestedAt });

        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.GetAsync(own.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.GetAsync(managers.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task SomeoneWithNoHistory_IsToldWhatFillsAPack()
    {
        await _bot.SayAsync("review pack");
        await _bot.ClickAsync(new { verb = "reviewpack.entries", months = "6" });

        Assert.Contains("Nothing is logged in this period yet", _bot.LastPosted(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManager_AsksAReport_WhoGetsOneCardToDecide_AndNobodyElseMayAsk()
    {
        await _bot.PostAsync(Activities.Base("message", _bot.Connector.ServiceUrl, null) with
        {
            Text = "", Value = new { verb = "reviewpack.ask", report = Activities.UserAadId },
            From = new Activities.Account("user-id-1", "Megan Bowen", BotHost.Megan),
            Conversation = new Activities.Conversation("a:" + BotHost.Megan, "personal", Activities.TenantId),
        });
        Assert.Contains("Asked Alex Wilber for their review pack", _bot.LastPosted(), StringComparison.Ordinal);
        Assert.Contains(_bot.Connector.PostedActivities, a => a.GetProperty("conversation").GetProperty("id").GetString() == Activities.ConversationId
            && a.GetRawText().Contains("Megan Bowen asks for your review pack", StringComparison.Ordinal));

        // Alex is nobody's manager of Megan.
        await _bot.ClickAsync(new { verb = "reviewpack.ask", report = BotHost.Megan });
        Assert.Contains("Only someone's current manager can ask", Readable(_bot.LastPosted()), StringComparison.Ordinal);
    }

    private static JsonElement FindInput(JsonElement activity, string id) =>
        activity.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray()
            .First(e => e.TryGetProperty("id", out var found) && found.GetString() == id);
}
