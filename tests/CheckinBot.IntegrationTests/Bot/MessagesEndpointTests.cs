using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>POST /api/messages in local mode: real host, real Azurite, real HTTP to a fake connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MessagesEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite, new BotHostOptions
    {
        Settings = new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = Activities.TenantId },
        AlexInstalled = false,
    });

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(object activity) => _bot.Client.PostAsJsonAsync("/api/messages", activity);

    private TableClient Registrations => new TableServiceClient(azurite.ConnectionString).GetTableClient(_bot.TablePrefix + "registrations");

    private static JsonElement CardOf(JsonElement activity)
    {
        var attachment = activity.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    [Fact]
    public async Task Install_StoresConversationReferenceAndSendsWelcomeCard()
    {
        var response = await PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(await _bot.Connector.WaitForPostedActivitiesAsync(1));
        Assert.Contains("Hi Alex", CardOf(welcome).GetRawText(), StringComparison.Ordinal);
        Assert.Equal(Activities.ConversationId, welcome.GetProperty("conversation").GetProperty("id").GetString());

        var entity = (await Registrations.GetEntityAsync<TableEntity>(Activities.UserAadId, "chat-" + Activities.UserAadId)).Value;
        Assert.Equal(Activities.UserId, entity.GetString("ChannelUserId"));
        Assert.Equal(Activities.ConversationId, entity.GetString("ConversationId"));
        Assert.Equal(_bot.Connector.ServiceUrl, entity.GetString("ServiceUrl"));
        Assert.Equal(Activities.TenantId, entity.GetString("TenantId"));
        Assert.Equal("Europe/Berlin", entity.GetString("TimeZone"));
        Assert.Equal("Active", entity.GetString("Status"));
    }

    [Fact]
    public async Task InstallationUpdateAndConversationUpdateTogether_WelcomeOnce()
    {
        var responses = await Task.WhenAll(PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl)), PostAsync(Activities.BotAdded(_bot.Connector.ServiceUrl)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help")); // a later reply: anything before it has arrived
        Assert.Equal(2, _bot.Connector.PostedActivities.Count);
        Assert.Single(_bot.Connector.PostedActivities, a => a.GetRawText().Contains("Hi Alex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_AnswersWithCommandCard()
    {
        await PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl));
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "  HELP "));

        var posted = await _bot.Connector.WaitForPostedActivitiesAsync(2);
        var help = CardOf(posted[1]).GetRawText();
        Assert.Contains("What you can type", help, StringComparison.Ordinal);
        foreach (var command in new[] { "check in", "goals", "add goal", "wins", "feedback", "snooze", "skip", "export my data", "delete my data", "team", "cadences", "stats" })
            Assert.Contains($"\"{command}\"", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownText_GetsShortHelpfulReply()
    {
        await PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl));
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "what is the meaning of life"));

        var reply = (await _bot.Connector.WaitForPostedActivitiesAsync(2))[1];
        Assert.Contains("help", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitButtonWithHelpVerb_AnswersWithCommandCard()
    {
        await PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl));
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "", value: new { verb = "help" }, replyToId: "activity-1"));

        var posted = await _bot.Connector.WaitForPostedActivitiesAsync(2);
        Assert.Contains("What you can type", CardOf(posted[1]).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteActionInvoke_ReturnsInvokeResponseInBody()
    {
        var response = await PostAsync(Activities.Invoke(_bot.Connector.ServiceUrl, "adaptiveCard/action",
            new { action = new { type = "Action.Execute", verb = "help", data = new { } }, trigger = "manual" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task InvokeWithoutVerb_Is400InvokeError()
    {
        var response = await PostAsync(Activities.Invoke(_bot.Connector.ServiceUrl, "adaptiveCard/action", new { action = new { type = "Action.Execute" } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.error", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Uninstall_MarksRegistrationUninstalled()
    {
        await PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl));
        var response = await PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl, action: "remove"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entity = (await Registrations.GetEntityAsync<TableEntity>(Activities.UserAadId, "chat-" + Activities.UserAadId)).Value;
        Assert.Equal("Uninstalled", entity.GetString("Status"));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\"")]
    [InlineData("")]
    public async Task NotAnActivity_Is400ProblemDetails(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _bot.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MessageWithoutServiceUrl_Is400()
    {
        var response = await PostAsync(new { type = "message", channelId = "msteams", text = "hi", channelData = new { tenant = new { id = Activities.TenantId } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverOneMebibyte_Is413(bool sendContentLength)
    {
        var big = "{\"type\":\"message\",\"text\":\"" + new string('x', 1024 * 1024) + "\"}";
        using var content = sendContentLength
            ? (HttpContent)new StringContent(big, Encoding.UTF8, "application/json")
            : new StreamingContent(Encoding.UTF8.GetBytes(big));
        var response = await _bot.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task UnknownActivityType_Is200AndDoesNothing()
    {
        var response = await PostAsync(Activities.Base("someFutureType", _bot.Connector.ServiceUrl, null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OtherChannel_Is200AndIgnored()
    {
        var ignored = Activities.Base("message", _bot.Connector.ServiceUrl, null) with { ChannelId = "webchat", Text = "help" };
        var response = await PostAsync(ignored);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await PostAsync(Activities.Message(_bot.Connector.ServiceUrl, "help")); // a later reply: anything before it has arrived
        Assert.NotEmpty(_bot.Connector.Requests);
        Assert.DoesNotContain(_bot.Connector.Requests, r => r.Body.Contains(ignored.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TenantNotAllowed_Is403AndNothingIsStored()
    {
        var response = await PostAsync(Activities.InstallationUpdate(_bot.Connector.ServiceUrl, tenantId: "99999999-0000-0000-0000-000000000000"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_bot.Connector.Requests);
        Assert.False((await Registrations.GetEntityIfExistsAsync<TableEntity>(Activities.UserAadId, "chat-" + Activities.UserAadId)).HasValue);
    }

    [Fact]
    public async Task Get_Is405()
    {
        var response = await _bot.Client.GetAsync("/api/messages");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsHealthy(string path)
    {
        var response = await _bot.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Content without a Content-Length header (chunked), so the size limit must hold while reading.</summary>
    private sealed class StreamingContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
