using System.Net.Http.Json;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Registrations;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Connector;
using CheckinBot.Teams.Proactive;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Proactive;

/// <summary>Proactive sends keep registrations honest: reopen a deleted chat once, mark blocked people unreachable.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProactiveMessengerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string NotFound = """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""";
    private const string Blocked = """{"errorCode":209,"message":"{\"error\":{\"code\":\"Forbidden\",\"subCode\":\"MessageWritesBlocked\"}}"}""";
    private static readonly Activity Nudge = new() { Type = ActivityTypes.Message, Text = "Time for your check-in" };
    private readonly BotHost _bot = new(azurite);

    public async Task InitializeAsync()
    {
        await _bot.InitializeAsync();
        await _bot.Connector.WaitForPostedActivitiesAsync(1); // the welcome card
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    private async Task<ChatRegistration> AlexAsync() =>
        (await _bot.Services.GetRequiredService<IChatRegistrationStore>().FindAsync(Activities.UserAadId, CancellationToken.None))!;

    private async Task<ConnectorResult<ResourceResponse>> SendToAlexAsync() =>
        await _bot.Services.GetRequiredService<ProactiveMessenger>().SendAsync(await AlexAsync(), Nudge, SendPriority.Interactive, CancellationToken.None);

    [Fact]
    public async Task Send_ActivePerson_PostsToTheirPersonalChat()
    {
        var result = await SendToAlexAsync();

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        var posted = _bot.Connector.PostedActivities[^1];
        Assert.Equal(Activities.ConversationId, posted.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(Activities.UserId, posted.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("Time for your check-in", posted.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Send_403MessageWritesBlocked_MarksUnreachableAndStopsSending()
    {
        _bot.Connector.Enqueue(403, Blocked);

        var result = await SendToAlexAsync();

        Assert.Equal(ConnectorOutcome.RecipientGone, result.Outcome);
        var alex = await AlexAsync();
        Assert.Equal(RegistrationStatus.Unreachable, alex.Status);
        Assert.Equal("MessageWritesBlocked", alex.StatusReason);

        var requestsBefore = _bot.Connector.Requests.Count;
        Assert.Equal(ConnectorOutcome.RecipientGone, (await SendToAlexAsync()).Outcome);
        Assert.Equal(requestsBefore, _bot.Connector.Requests.Count);
    }

    [Fact]
    public async Task Send_404ConversationNotFound_ReopensChatOnceAndSendsThere()
    {
        _bot.Connector.Enqueue(404, NotFound);

        var result = await SendToAlexAsync();

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        var create = _bot.Connector.Requests.Single(r => r.Path == "/v3/conversations");
        Assert.Contains($"\"members\":[{{\"id\":\"{Activities.UserId}\"}}]", create.Body, StringComparison.Ordinal);
        Assert.Contains($"\"bot\":{{\"id\":\"{Activities.BotId}\"}}", create.Body, StringComparison.Ordinal);
        var alex = await AlexAsync();
        Assert.StartsWith("a:conversation-", alex.ConversationId, StringComparison.Ordinal);
        Assert.Equal(alex.ConversationId, _bot.Connector.PostedActivities[^1].GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(RegistrationStatus.Active, alex.Status);
    }

    [Fact]
    public async Task Send_404AgainAfterReopening_MarksUnreachable()
    {
        _bot.Connector.Enqueue(404, NotFound);
        _bot.Connector.Enqueue(201, """{"id":"a:reopened"}""");
        _bot.Connector.Enqueue(404, NotFound);

        var result = await SendToAlexAsync();

        Assert.Equal(ConnectorOutcome.RecipientGone, result.Outcome);
        var alex = await AlexAsync();
        Assert.Equal(RegistrationStatus.Unreachable, alex.Status);
        Assert.Equal("ConversationNotFound", alex.StatusReason);
        Assert.Single(_bot.Connector.Requests, r => r.Path == "/v3/conversations");
    }

    [Fact]
    public async Task Send_ServerErrorThatOutlivesRetries_FailsButKeepsPersonActive()
    {
        for (var i = 0; i < 5; i++)
            _bot.Connector.Enqueue(503);

        var result = await SendToAlexAsync();

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(RegistrationStatus.Active, (await AlexAsync()).Status);
    }
}
