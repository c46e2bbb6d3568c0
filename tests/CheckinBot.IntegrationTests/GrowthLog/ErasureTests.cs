using System.Net;
using System.Net.Http.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.GrowthLog;
using CheckinBot.TestKit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.GrowthLog;

/// <summary><c>delete my data</c> with a storage fault between its batches: export links die at once, the rest is finished later.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ErasureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FaultAfterFirstBatch _fault = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_fault, HttpPipelinePosition.PerCall);
        options.Retry.MaxRetries = 0;
        // No background work: the test finishes the erasure itself, at a time of its choosing.
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time) with
        {
            Services = s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)),
        });
        return _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task FaultBetweenBatches_ReportsItTruthfully_LinksDieAtOnce_AndTheRestIsFinishedLater()
    {
        var goals = _bot.Services.GetRequiredService<GoalService>();
        var (goal, _, _) = await goals.AddAsync(Activities.UserAadId, "Learn Kusto", null, null, null, null, CancellationToken.None);
        for (var i = 0; i < 150; i++) // 150 history rows: erasing takes two batches
        {
            _time.Advance(TimeSpan.FromHours(1));
            await goals.UpdateProgressAsync(Activities.UserAadId, goal!.Id, "10", "note", CancellationToken.None);
        }
        await SayAsync("export my data");
        var link = ExportLink(LastPosted());
        Assert.Equal(HttpStatusCode.OK, (await _bot.Client.GetAsync(link)).StatusCode);

        await SayAsync("delete my data");
        var requestedAt = System.Text.RegularExpressions.Regex.Match(LastPosted(), "\"requestedAt\":\"(\\d+)\"").Groups[1].Value;
        _fault.Armed = true;
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "", value: new { verb = "data.erase", requestedAt }, replyToId: "confirm-1"));

        var answer = _bot.Connector.Requests.Last(r => r.Method == "PUT").Body;
        Assert.Contains("interrupted part-way", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing changed", answer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.GetAsync(link)).StatusCode); // the link died first
        Assert.NotEmpty(await Rows()); // part of the log is still there...

        _fault.Armed = false;
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _bot.Services.GetRequiredService<GrowthLogService>().FinishUnfinishedAsync(CancellationToken.None));

        Assert.Empty(await Rows()); // ...until the erasure is finished
        Assert.Equal(0, await _bot.Services.GetRequiredService<GrowthLogService>().FinishUnfinishedAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.GetAsync(link)).StatusCode);

        // Exporting afterwards works, and shows nothing of what was erased.
        await SayAsync("export my data");
        var export = System.Text.Json.JsonDocument.Parse(await _bot.Client.GetStringAsync(ExportLink(LastPosted()))).RootElement;
        Assert.Equal(0, export.GetProperty("goals").GetArrayLength());
        Assert.Equal(0, export.GetProperty("checkIns").GetArrayLength());
    }

    [Fact]
    public async Task Erasure_TakesEveryPointerToThePersonsData_AndLeavesOtherPeoplesRecords()
    {
        const string Colleague = "00000000-0000-0000-0000-00000000c011";
        var feedback = _bot.Services.GetRequiredService<IFeedbackStore>();
        var outbox = _bot.Services.GetRequiredService<IDeliveryOutbox>();
        // Feedback for the person still on its way, and a colleague's open request addressed to them.
        var note = new FeedbackNote { Id = "n1", ToUserId = Activities.UserAadId, FromUserId = Colleague, Text = "Thanks for the review" };
        await outbox.NoteAsync(OutboxKind.Feedback, Activities.UserAadId, note.Id, CancellationToken.None);
        Assert.True(await feedback.TryAddNoteAsync(note, null, FeedbackDelivery.Of(note), CancellationToken.None));
        var ask = new FeedbackAsk { Id = "a1", RequesterId = Colleague, AskedUserId = Activities.UserAadId, Topic = "my talk" };
        Assert.True(await feedback.TryAddAskAsync(ask, FeedbackDelivery.Of(ask), CancellationToken.None));
        Assert.NotEmpty(await OutboxRowsOf(Activities.UserAadId));

        Assert.True((await _bot.Services.GetRequiredService<GrowthLogService>().EraseAsync(Activities.UserAadId, CancellationToken.None)).Finished);

        Assert.Empty(await OutboxRowsOf(Activities.UserAadId));
        Assert.Empty(await feedback.ListOpenAsksForAsync(Activities.UserAadId, CancellationToken.None));
        Assert.NotNull(await feedback.FindAskAsync(Colleague, ask.Id, CancellationToken.None)); // the colleague's own record stays theirs
    }

    /// <summary>Outbox rows whose key starts with the person's id (summaries, feedback) or indexes requests to them.</summary>
    private async Task<List<string>> OutboxRowsOf(string userId)
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(_bot.TablePrefix + "outbox");
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            if (row.RowKey.StartsWith(userId + "|", StringComparison.Ordinal) && row.PartitionKey != "erase")
                rows.Add($"{row.PartitionKey}/{row.RowKey}");
        }
        return rows;
    }

    private async Task<List<TableEntity>> Rows()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(_bot.TablePrefix + "growthlog");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Activities.UserAadId))
            rows.Add(row);
        return rows;
    }

    private Task PostAsync(object activity) => _bot.PostAsync(activity);

    private Task SayAsync(string text) => _bot.SayAsync(text);

    private string LastPosted() => _bot.LastPosted();

    private static string ExportLink(string card) =>
        new Uri(System.Text.RegularExpressions.Regex.Match(card, "\"url\":\"([^\"]+/json)\"").Groups[1].Value).PathAndQuery;

    /// <summary>Lets one entity-group transaction through, then fails the rest, as a storage outage mid-erasure would.</summary>
    private sealed class FaultAfterFirstBatch : HttpPipelinePolicy
    {
        private int _batches;

        public bool Armed { get; set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("async only");

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Armed && message.Request.Uri.ToString().Contains("$batch", StringComparison.Ordinal) && Interlocked.Increment(ref _batches) > 1)
                throw new Azure.RequestFailedException(503, "Injected fault between batches");
            return ProcessNextAsync(message, pipeline);
        }
    }
}
