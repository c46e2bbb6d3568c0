using System.Net;
using System.Net.Http.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>Storage that is slow or refuses a request: invokes still answer inside Teams' 5 s, and people are told the truth.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Fault _fault = new();
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(azurite, new BotHostOptions { Services = s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, FaultyTables())) });
        return _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task Invoke_WhileStorageHangs_GivesUpAtTheProductsBudget_ShortOfTeamsFiveSeconds_AsTryAgain()
    {
        var budget = CheckinBot.Teams.Bot.BotRequestProcessor.TurnBudget("invoke");
        Assert.InRange(budget, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4.5)); // the margin Teams' 5 s needs for the way back
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        // A second instance on the same tables, on the product's own clock.
        await using var host = new BotHost(azurite, BotHostOptions.FakeClock(time) with
        {
            AlexInstalled = false,
            TablePrefix = _bot.TablePrefix,
            Services = s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, FaultyTables())),
        });
        await host.InitializeAsync();
        var client = host.Client;
        _fault.Hang = true;

        var answer = client.PostAsJsonAsync("/api/messages", Activities.Invoke(_bot.Connector.ServiceUrl, "adaptiveCard/action",
            new { action = new { type = "Action.Execute", verb = "goal.progress.form", data = new { goalId = "g1" } } }));
        await Eventually.TrueAsync(() => _fault.Hanging > 0, "the turn to reach storage");
        time.Advance(budget - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _fault.Cancelled); // a moment short of the budget, storage is still waited for
        time.Advance(TimeSpan.FromMilliseconds(1));
        // At the budget, by the product's clock, the turn gives up (the hung call sees its cancellation on another thread).
        await Eventually.TrueAsync(() => _fault.Cancelled > 0, "the hung storage call cancelled at the turn's budget");
        var response = await answer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"statusCode\":503", body, StringComparison.Ordinal);
        Assert.Contains("send it again", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_StorageRefusesTheRequest_IsToldItCannotBeSavedAsItIs_NotToSendItAgain()
    {
        _fault.Refuse = true;

        await _bot.Client.PostAsJsonAsync("/api/messages", Activities.Message(_bot.Connector.ServiceUrl, "add goal Learn Rust"));

        var reply = _bot.Connector.PostedActivities[^1].GetRawText();
        Assert.Contains("can't save that as it is", reply.Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("send it again", reply, StringComparison.Ordinal);
    }

    private TableClientOptions FaultyTables()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_fault, HttpPipelinePosition.PerCall);
        return options;
    }

    private sealed class Fault : HttpPipelinePolicy
    {
        private int _hanging;
        private int _cancelled;

        /// <summary>Every request waits until it is cancelled.</summary>
        public bool Hang { get; set; }

        public int Hanging => _hanging;

        /// <summary>Hanging requests given up by their caller (counted the moment the caller cancels).</summary>
        public int Cancelled => _cancelled;

        public bool Refuse { get; set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("async only");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Refuse)
                throw new Azure.RequestFailedException(400, "The property value exceeds the maximum allowed size (64KB).", "PropertyValueTooLarge", null);
            if (Hang)
            {
                using var cancelled = message.CancellationToken.Register(() => Interlocked.Increment(ref _cancelled));
                Interlocked.Increment(ref _hanging);
                await Task.Delay(Timeout.InfiniteTimeSpan, message.CancellationToken);
            }
            await ProcessNextAsync(message, pipeline);
        }
    }
}
