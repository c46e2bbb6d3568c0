using System.Net;
using System.Net.Http.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CheckinBot.TestKit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>Storage that is slow or refuses a request: invokes still answer inside Teams' 5 s, and people are told the truth.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly Fault _fault = new();
    private FakeConnector _connector = null!;
    private BotApplicationFactory _factory = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _factory = new BotApplicationFactory(azurite);
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, FaultyTables()))));
        _client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages", Activities.InstallationUpdate(_connector.ServiceUrl))).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Invoke_WhileStorageHangs_GivesUpAtTheProductsBudget_ShortOfTeamsFiveSeconds_AsTryAgain()
    {
        var budget = CheckinBot.Teams.Bot.BotRequestProcessor.TurnBudget("invoke");
        Assert.InRange(budget, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4.5)); // the margin Teams' 5 s needs for the way back
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.WithFakeClock(time).WithoutBackgroundWork()
            .AddSingleton(new TableServiceClient(azurite.ConnectionString, FaultyTables()))));
        using var client = host.CreateClient();
        _fault.Hang = true;

        var answer = client.PostAsJsonAsync("/api/messages", Activities.Invoke(_connector.ServiceUrl, "adaptiveCard/action",
            new { action = new { type = "Action.Execute", verb = "goal.progress.form", data = new { goalId = "g1" } } }));
        await Eventually.TrueAsync(() => _fault.Hanging > 0, "the turn to reach storage");
        time.Advance(budget - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _fault.Cancelled); // a moment short of the budget, storage is still waited for
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotEqual(0, _fault.Cancelled); // at the budget, by the product's clock, the turn gives up
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

        await _client.PostAsJsonAsync("/api/messages", Activities.Message(_connector.ServiceUrl, "add goal Learn Rust"));

        var reply = _connector.PostedActivities[^1].GetRawText();
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
