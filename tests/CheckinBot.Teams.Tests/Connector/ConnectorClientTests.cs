using Activity = CheckinBot.Teams.Activities.Activity;
using Stopwatch = System.Diagnostics.Stopwatch;
using CheckinBot.Core.Messaging;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Authentication;
using CheckinBot.Teams.Connector;
using CheckinBot.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace CheckinBot.Teams.Tests.Connector;

/// <summary>The connector client and its teams-send pipeline against a loopback fake connector.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "a:conv-1";
    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "hello" };
    private FakeConnector _connector = null!;
    private FakeIdentityProvider _idp = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _idp = await FakeIdentityProvider.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _idp.DisposeAsync();
    }

    /// <summary>The real pipeline with short back-off, so the retry tests run in a second or two.</summary>
    private ConnectorClient CreateSut(BotOptions? bot = null, ConnectorResilienceOptions? resilience = null, IRateBudget? budget = null)
    {
        bot ??= new BotOptions { AppId = "app-1", AppPassword = "secret", TenantId = "tenant-1", Authority = _idp.Authority, TrustedServiceUrlHosts = { "127.0.0.1" } };
        resilience ??= new ConnectorResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        ConnectorResilience.Configure(builder, resilience, TimeProvider.System, budget);
        var options = Options.Create(bot);
        return new ConnectorClient(
            new HttpClient(),
            new BotConnectorTokenProvider(new HttpClient(), options, TimeProvider.System),
            new TrustedServiceUrls(options),
            builder.Build(),
            TimeProvider.System,
            NullLogger<ConnectorClient>.Instance);
    }

    private Task<ConnectorResult<ResourceResponse>> SendAsync(ConnectorClient sut) =>
        sut.SendToConversationAsync(_connector.ServiceUrl, Conversation, Hello, CancellationToken.None);

    [Fact]
    public async Task Send_Success_PostsActivityWithBearerTokenAndReturnsId()
    {
        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal("activity-1", result.Value?.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/a:conv-1/activities", request.Path);
        Assert.Equal("Bearer access-app-1-1", request.Authorization);
        Assert.Contains("\"text\":\"hello\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ManyCalls_FetchTokenOnce()
    {
        var sut = CreateSut();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(sut)));

        Assert.Equal(1, _idp.TokenRequests);
        Assert.All(_connector.Requests, r => Assert.Equal("Bearer access-app-1-1", r.Authorization));
    }

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsThatLongThenSends()
    {
        _connector.Enqueue(429, """{"error":{"code":"TooManyRequests"}}""", retryAfter: "1");
        var stopwatch = Stopwatch.StartNew();

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Send_429WithoutRetryAfter_BacksOffAndRetries()
    {
        _connector.Enqueue(429);
        _connector.Enqueue(429);

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task Send_429Persisting_ReturnsThrottledAfterMaxRetries()
    {
        for (var i = 0; i < 10; i++)
            _connector.Enqueue(429, retryAfter: "0");

        var result = await SendAsync(CreateSut(resilience: new ConnectorResilienceOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10) }));

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task Send_RetryAfterLongerThanLimit_ReturnsThrottledAtOnceWithTheDelay()
    {
        _connector.Enqueue(429, retryAfter: "120");

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Send_503ThenSuccess_Retries()
    {
        _connector.Enqueue(503);

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Send_GatewayErrorOnPost_IsAmbiguous_AndNotRepeatedBecauseItMayHaveBeenDelivered(int status)
    {
        _connector.Enqueue(status);

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.Ambiguous, result.Outcome);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Send_OutsideATurn_EveryAttemptTakesASlot_AndA429PausesTheBudgetForItsRetryAfter()
    {
        var budget = new RecordingBudget();
        _connector.Enqueue(429, retryAfter: "0");
        _connector.Enqueue(503);

        var result = await CreateSut(budget: budget).SendToConversationAsync(_connector.ServiceUrl, Conversation, Hello, CancellationToken.None, SendPriority.Bulk);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal([SendPriority.Bulk, SendPriority.Bulk, SendPriority.Bulk], budget.Acquired);
        Assert.Equal([TimeSpan.Zero], budget.Pauses);
    }

    [Fact]
    public async Task Send_InATurn_TakesNoSlot_ButA429StillPausesEveryone()
    {
        var budget = new RecordingBudget();
        _connector.Enqueue(429);

        var result = await CreateSut(budget: budget).SendToConversationAsync(_connector.ServiceUrl, Conversation, Hello, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Empty(budget.Acquired);
        Assert.Equal([TimeSpan.FromSeconds(1)], budget.Pauses); // no Retry-After: a second
    }

    [Fact]
    public async Task CreatePersonalConversation_OutsideATurn_TakesASlotAtTheCallersPriority()
    {
        var budget = new RecordingBudget();

        await CreateSut(budget: budget).CreatePersonalConversationAsync(_connector.ServiceUrl, "28:bot", "29:alex", "tenant-1", CancellationToken.None, SendPriority.Interactive);

        Assert.Equal([SendPriority.Interactive], budget.Acquired);
    }

    private sealed class RecordingBudget : IRateBudget
    {
        public List<SendPriority> Acquired { get; } = [];

        public List<TimeSpan> Pauses { get; } = [];

        public Task<long> AcquireAsync(SendPriority priority, CancellationToken cancellationToken)
        {
            lock (Acquired)
                Acquired.Add(priority);
            return Task.FromResult(0L);
        }

        public Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            lock (Pauses)
                Pauses.Add(delay);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Send_ConnectionResetAfterTheRequestArrived_IsAmbiguous_AndNotRepeated_EvenOnAReusedConnection()
    {
        var sut = CreateSut();
        Assert.Equal(ConnectorOutcome.Sent, (await SendAsync(sut)).Outcome); // the connection is now pooled
        _connector.EnqueueReset();

        var result = await SendAsync(sut);

        Assert.Equal(ConnectorOutcome.Ambiguous, result.Outcome);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task Send_NoAnswerWithinTheAttemptTimeout_IsAmbiguous()
    {
        _connector.Enqueue(201, """{"id":"late"}""", delay: TimeSpan.FromSeconds(5));

        var result = await SendAsync(CreateSut(resilience: new ConnectorResilienceOptions { AttemptTimeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(ConnectorOutcome.Ambiguous, result.Outcome);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Send_ConnectionRefused_FailsPlainly_BecauseNothingLeft()
    {
        // A port nobody listens on: the request never reaches Teams, so it is safe to send again later.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CreateSut().SendToConversationAsync($"http://127.0.0.1:{port}/", Conversation, Hello, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("Transport", result.ErrorCode);
    }

    [Fact]
    public async Task Update_ConnectionReset_IsRetried_NotAmbiguous_BecausePutIsIdempotent()
    {
        _connector.EnqueueReset();

        var result = await CreateSut().UpdateActivityAsync(_connector.ServiceUrl, Conversation, "activity-9", Hello, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task Update_GatewayError_IsRetriedBecausePutIsIdempotent()
    {
        _connector.Enqueue(502);

        var result = await CreateSut().UpdateActivityAsync(_connector.ServiceUrl, Conversation, "activity-9", Hello, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(["PUT", "PUT"], _connector.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Send_403MessageWritesBlocked_IsRecipientGoneWithoutRetry()
    {
        _connector.Enqueue(403, """{"errorCode":209,"message":"{\"error\":{\"code\":\"Forbidden\",\"subCode\":\"MessageWritesBlocked\"}}"}""");

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.RecipientGone, result.Outcome);
        Assert.Equal("MessageWritesBlocked", result.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Send_404ConversationNotFound_IsRecipientGone()
    {
        _connector.Enqueue(404, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""");

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.RecipientGone, result.Outcome);
        Assert.Equal("ConversationNotFound", result.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Send_OtherClientErrors_FailWithoutRetry(int status)
    {
        _connector.Enqueue(status, """{"error":{"code":"BadArgument"}}""");

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Send_401_RefreshesTokenOnceAndRetries()
    {
        _connector.Enqueue(401);

        var result = await SendAsync(CreateSut());

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(2, _idp.TokenRequests);
        Assert.Equal(["Bearer access-app-1-1", "Bearer access-app-1-2"], _connector.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Send_UntrustedServiceUrl_NeverLeavesTheProcess()
    {
        var sut = CreateSut(new BotOptions { AppId = "app-1", AppPassword = "s", TenantId = "t", Authority = _idp.Authority });

        var result = await sut.SendToConversationAsync(_connector.ServiceUrl, Conversation, Hello, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("UntrustedServiceUrl", result.ErrorCode);
        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _idp.TokenRequests);
    }

    [Fact]
    public async Task Send_LocalMode_SendsNoToken()
    {
        var result = await SendAsync(CreateSut(new BotOptions()));

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Null(Assert.Single(_connector.Requests).Authorization);
    }

    [Fact]
    public async Task CreatePersonalConversation_SendsBotMemberAndTenantBothWays()
    {
        var result = await CreateSut().CreatePersonalConversationAsync(_connector.ServiceUrl, "28:app-1", "29:user", "tenant-1", CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.StartsWith("a:conversation-", result.Value?.Id, StringComparison.Ordinal);
        var body = Assert.Single(_connector.Requests).Body;
        Assert.Contains("\"bot\":{\"id\":\"28:app-1\"}", body, StringComparison.Ordinal);
        Assert.Contains("\"members\":[{\"id\":\"29:user\"}]", body, StringComparison.Ordinal);
        Assert.Contains("\"tenantId\":\"tenant-1\"", body, StringComparison.Ordinal);
        Assert.Contains("\"channelData\":{\"tenant\":{\"id\":\"tenant-1\"}}", body, StringComparison.Ordinal);
    }
}
