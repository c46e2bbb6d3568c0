using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CheckinBot.TestKit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests;

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
        var options = new TableClientOptions();
        options.AddPolicy(_fault, HttpPipelinePosition.PerCall);
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, options))));
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
    public async Task Invoke_WhileStorageHangs_IsAnsweredWithinFiveSeconds_AsTryAgain()
    {
        _fault.Delay = TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();

        var response = await _client.PostAsJsonAsync("/api/messages", Activities.Invoke(_connector.ServiceUrl, "adaptiveCard/action",
            new { action = new { type = "Action.Execute", verb = "goal.progress.form", data = new { goalId = "g1" } } }));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
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

    private sealed class Fault : HttpPipelinePolicy
    {
        public TimeSpan Delay { get; set; }

        public bool Refuse { get; set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("async only");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Refuse)
                throw new Azure.RequestFailedException(400, "The property value exceeds the maximum allowed size (64KB).", "PropertyValueTooLarge", null);
            if (Delay > TimeSpan.Zero)
                await Task.Delay(Delay, message.CancellationToken);
            await ProcessNextAsync(message, pipeline);
        }
    }
}
