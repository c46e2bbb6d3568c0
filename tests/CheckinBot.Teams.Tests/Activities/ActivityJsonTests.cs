using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.Teams.Activities;

namespace CheckinBot.Teams.Tests.Activities;

public sealed class ActivityJsonTests
{
    private const string Inbound = """
        {"type":"message","id":"1575667808184","timestamp":"2026-11-23T09:00:00.123Z","serviceUrl":"https://smba.trafficmanager.net/emea/",
         "channelId":"msteams","from":{"id":"29:1ljv6","name":"Alex Wilber","aadObjectId":"eddfa9d4","futureField":1},
         "conversation":{"id":"a:1qhNL","conversationType":"personal","tenantId":"conv-tenant"},
         "recipient":{"id":"28:bot","name":"CheckinBot"},"text":"help","locale":"en-GB",
         "entities":[{"type":"clientInfo","locale":"en-GB","country":"GB","platform":"Web","timezone":"Europe/London"}],
         "channelData":{"tenant":{"id":"b28fdbfd"},"newTeamsThing":{"x":[1,2]}},
         "brandNewTopLevel":{"kept":true}}
        """;

    [Fact]
    public void RoundTrip_UnknownFieldsAndChannelData_Survive()
    {
        var activity = JsonSerializer.Deserialize<Activity>(Inbound, ProtocolJson.Options)!;
        var again = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!;

        Assert.True(again["brandNewTopLevel"]!["kept"]!.GetValue<bool>());
        Assert.Equal(1, again["from"]!["futureField"]!.GetValue<int>());
        Assert.Equal(2, again["channelData"]!["newTeamsThing"]!["x"]![1]!.GetValue<int>());
        Assert.Null(again["value"]);
    }

    [Fact]
    public void Accessors_ReadTenantFromChannelDataAndTimeZoneFromClientInfo()
    {
        var activity = JsonSerializer.Deserialize<Activity>(Inbound, ProtocolJson.Options)!;

        Assert.Equal("b28fdbfd", activity.TenantId);
        Assert.Equal("Europe/London", activity.ClientTimeZone);
        Assert.Equal("eddfa9d4", activity.From!.EntraObjectId);
    }

    [Fact]
    public void TenantId_WithoutChannelData_FallsBackToConversation()
    {
        var activity = new Activity { Conversation = new ConversationAccount { TenantId = "conv-tenant" } };
        Assert.Equal("conv-tenant", activity.TenantId);
    }

    [Fact]
    public void ToString_NeverContainsWhatThePersonWrote()
    {
        var activity = new Activity { Type = "message", Id = "1", Text = "my private answer" };
        Assert.DoesNotContain("private", activity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateReply_AddressesTheSenderInTheSameConversation()
    {
        var activity = JsonSerializer.Deserialize<Activity>(Inbound, ProtocolJson.Options)!;
        var reply = activity.CreateReply("hi");

        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:1ljv6", reply.Recipient!.Id);
        Assert.Equal("a:1qhNL", reply.Conversation!.Id);
        Assert.Equal("1575667808184", reply.ReplyToId);
    }
}
