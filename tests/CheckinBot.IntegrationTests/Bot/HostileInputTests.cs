using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>
/// Property-style: every field of every kind of activity Teams sends is in turn removed, nulled, given the wrong JSON
/// type, made huge or filled with characters Table Storage forbids in keys. The bot must answer each with a 2xx or a
/// 4xx, never a 5xx, and log no error.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] Paths =
    [
        "type", "id", "timestamp", "localTimezone", "serviceUrl", "channelId", "from", "from.id", "from.name", "from.aadObjectId",
        "recipient", "recipient.id", "conversation", "conversation.id", "conversation.conversationType", "conversation.tenantId",
        "channelData", "channelData.tenant", "channelData.tenant.id", "entities", "entities.0", "entities.0.type", "entities.0.timezone",
        "text", "value", "value.verb", "value.goalId", "value.employeeId", "value.requesterId", "value.askId", "value.step", "value.action",
        "value.action.verb", "value.action.data", "replyToId", "membersAdded", "membersAdded.0", "membersAdded.0.id", "name", "action", "locale",
    ];

    private static readonly Func<JsonNode?>[] Variants =
    [
        () => null,
        () => JsonValue.Create(42),
        () => JsonValue.Create(true),
        () => new JsonObject(),
        () => new JsonArray(),
        () => new JsonArray((JsonNode?)null),
        () => JsonValue.Create(new string('x', 100_000)),
        () => JsonValue.Create("../a/b#c?d\u0001e\\f"),
        () => JsonValue.Create(""),
    ];

    private readonly CollectingLoggerProvider _errors = new(LogLevel.Error);
    private BotHost _bot = null!;

    public Task InitializeAsync()
    {
        _bot = new BotHost(azurite, new BotHostOptions { Logging = l => l.AddProvider(_errors), AlexInstalled = false });
        return _bot.InitializeAsync();
    }

    public Task DisposeAsync() => _bot.DisposeAsync();

    public static TheoryData<string> Kinds() => ["message", "card-submit", "invoke", "installationUpdate", "conversationUpdate"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task EveryFieldMissingNullWrongTypedOrHuge_IsAnsweredWithoutA5xxOrAnError(string kind)
    {
        var failures = new List<string>();
        foreach (var path in Paths)
        {
            foreach (var remove in new[] { true, false })
            {
                foreach (var variant in remove ? [() => null] : Variants)
                {
                    var activity = Valid(kind);
                    if (!Mutate(activity, path.Split('.'), remove, variant()))
                        continue;
                    var response = await _bot.Client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{path} {(remove ? "removed" : activity.ToJsonString()[..Math.Min(200, activity.ToJsonString().Length)])}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(failures);
        Assert.Empty(_errors.Entries.Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name}"));
    }

    private JsonObject Valid(string kind)
    {
        var url = _bot.Connector.ServiceUrl;
        object activity = kind switch
        {
            "message" => Activities.Message(url, "add goal Learn Rust"),
            "card-submit" => Activities.Message(url, "", value: new { verb = "goal.progress", goalId = "g1", percent = "50", step = "energy" }, replyToId: "card-1"),
            "invoke" => Activities.Invoke(url, "adaptiveCard/action", new { action = new { type = "Action.Execute", verb = "manager.history", data = new { employeeId = Activities.UserAadId } } }),
            "installationUpdate" => Activities.InstallationUpdate(url),
            _ => Activities.BotAdded(url),
        };
        return JsonSerializer.SerializeToNode(activity, JsonSerializerOptions.Web)!.AsObject();
    }

    /// <summary>Sets (or removes) the value at a path; false when the path does not exist in this kind of activity.</summary>
    private static bool Mutate(JsonNode root, string[] path, bool remove, JsonNode? value)
    {
        var parent = root;
        foreach (var segment in path[..^1])
        {
            parent = parent switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (parent is null)
                return false;
        }
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last) || !remove:
                if (remove)
                    o.Remove(last);
                else
                    o[last] = value;
                return true;
            case JsonArray a when int.TryParse(last, out var i) && i < a.Count:
                if (remove)
                    a.RemoveAt(i);
                else
                    a[i] = value;
                return true;
            default:
                return false;
        }
    }
}
