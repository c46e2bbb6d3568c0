using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>
/// A fresh deployment whose role assignment on storage is not in effect yet: the app starts anyway, says in
/// /health/ready what it waits for, keeps trying on its own clock, and is ready once storage lets it in.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageAccessTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly NotYetAuthorized _refusal = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        // Background work on (the initializer is one), on the test's clock.
        _bot = new BotHost(azurite, BotHostOptions.FakeClock(_time) with
        {
            BackgroundWork = true,
            AlexInstalled = false,
            Services = s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, Tables())),
        });
        return _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task UntilStorageLetsTheIdentityIn_TheAppRuns_AndReadySaysWhatItWaitsFor()
    {
        var waiting = await _bot.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        Assert.Contains("waiting for storage access", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _bot.Client.GetAsync("/health/live")).StatusCode);

        _refusal.Refusing = false; // the role assignment takes effect
        _time.Advance(TimeSpan.FromSeconds(5)); // the first retry, by the app's own clock

        await Eventually.TrueAsync(async () => (await _bot.Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the app to be ready");
    }

    private TableClientOptions Tables()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_refusal, HttpPipelinePosition.PerCall);
        return options;
    }

    /// <summary>Storage answering as it does while the identity's role is not in effect: 403 AuthorizationPermissionMismatch.</summary>
    private sealed class NotYetAuthorized : HttpPipelinePolicy
    {
        public volatile bool Refusing = true;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("async only");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Refusing)
                throw new Azure.RequestFailedException(403, "This request is not authorized to perform this operation using this permission.", "AuthorizationPermissionMismatch", null);
            await ProcessNextAsync(message, pipeline);
        }
    }
}
