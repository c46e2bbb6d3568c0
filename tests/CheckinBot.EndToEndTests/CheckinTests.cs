using System.Text.Json;
using Azure.Data.Tables;
using CheckinBot.TestKit;

namespace CheckinBot.EndToEndTests;

/// <summary>A whole check-in in the Agents Playground the way a person does it: buttons, typed answers, a goal.</summary>
public sealed class CheckinTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Employee_AddsGoal_CompletesCheckinByClickingAndTyping_AndSeesProgress()
    {
        var chat = await PlaygroundPage.OpenAsync(stack);
        try
        {
            await chat.SeeAsync("Hi, I'm CheckinBot");
            await chat.TypeAsync("add goal Give a conference talk by June");
            await chat.SeeAsync("Goal added: Give a conference talk by June");

            await chat.ClickAsync("Start a check-in");
            await chat.SeeAsync("How energised do you feel");
            await chat.ClickAsync("4");

            await chat.SeeAsync("Where is your goal \"Give a conference talk by June\" now?");
            await chat.FillAsync("Progress (%)", "40");
            await chat.FillAsync("Note (optional)", "submitted the abstract");
            await chat.ClickAsync("Next");

            await chat.SeeAsync("What did you learn or accomplish?");
            await chat.TypeAsync("Finished the Rust course");
            await chat.SeeAsync("Anything blocking you");
            await chat.ClickAsync("Skip");
            await chat.SeeAsync("question 5 of");
            await chat.TypeAsync("skip");
            await chat.SeeAsync("Do you want to add a new learning goal?");
            await chat.ClickAsync("No");
            await chat.SeeAsync("feedback on?");
            await chat.TypeAsync("My talk outline");

            await chat.SeeAsync("Share it with your manager, or keep it private?");
            await chat.ClickAsync("Share with my manager");
            await chat.SeeAsync("Check-in shared with your manager");

            await chat.TypeAsync("goals");
            await chat.SeeAsync("Your learning goals");
            await chat.SeeAsync("40%");

            // Stored once, shared, with every answer given.
            var table = new TableServiceClient(stack.StorageConnectionString).GetTableClient(stack.TablePrefix + "growthlog");
            var records = table.QueryAsync<TableEntity>(e => e.PartitionKey == Activities.UserAadId);
            var rows = new List<TableEntity>();
            await foreach (var row in records)
                rows.Add(row);
            var checkin = Assert.Single(rows, r => r.RowKey.StartsWith("checkin-", StringComparison.Ordinal));
            using var data = JsonDocument.Parse(checkin.GetString("Data"));
            Assert.True(data.RootElement.GetProperty("sharedWithManager").GetBoolean());
            // Answers are stored typed: numbers and flags, not prose.
            var answers = data.RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("value").GetRawText()).ToList();
            Assert.Equal(
                ["""{"kind":"scale","value":4}""", """{"kind":"goalProgress","percent":40,"note":"submitted the abstract","milestoneId":null,"milestoneTitle":null}""",
                 """{"kind":"text","value":"Finished the Rust course"}""", """{"kind":"yesNo","value":false}""", """{"kind":"text","value":"My talk outline"}"""],
                answers);
            Assert.Contains(rows, r => r.RowKey.StartsWith("share-", StringComparison.Ordinal));
            Assert.DoesNotContain(rows, r => r.RowKey.StartsWith("draft", StringComparison.Ordinal));
        }
        catch
        {
            await chat.CaptureAsync("checkin-failure");
            throw;
        }
        finally
        {
            await chat.Page.CloseAsync();
        }
    }
}
