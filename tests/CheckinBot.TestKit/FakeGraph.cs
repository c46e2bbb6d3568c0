using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CheckinBot.TestKit;

/// <summary>
/// A loopback Microsoft Graph (v1.0) that speaks the real JSON for what the org sync uses: <c>/users/delta</c> paged
/// with <c>@odata.nextLink</c> and ending in an <c>@odata.deltaLink</c>, later rounds returning only what changed
/// (with <c>manager@delta</c> and <c>@removed</c>), and <c>$batch</c> whose items can be throttled one by one (429 with
/// their own <c>Retry-After</c>) or missing (404).
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentDictionary<string, GraphUser> _users = new();
    private readonly ConcurrentDictionary<string, long> _changedAt = new();
    private long _version;
    private int _throttleNextItems;
    private int _deltaRequests;
    private int _batchRequests;
    private int _batchItems;
    private int _held;
    private int _requests;
    private TaskCompletionSource _gate = Open();

    private FakeGraph(LoopbackServer server) => _server = server;

    /// <summary>What to put in <c>Graph:BaseUrl</c>.</summary>
    public string BaseUrl => _server.Url("v1.0");

    public int PageSize { get; set; } = 200;

    /// <summary>The bearer tokens accepted start with this (the fake credential's, or a managed identity endpoint's).</summary>
    public string AcceptedTokenPrefix { get; set; } = "fake-graph-token";

    /// <summary>Every request is answered this much later (a slow Graph).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every request's connection is dropped without an answer (a Graph that refuses).</summary>
    public bool Refuse { get; set; }

    /// <summary>Every request that reached this Graph, refused ones included.</summary>
    public int Requests => _requests;

    /// <summary>Requests waiting at the gate (<see cref="Hold"/>) right now.</summary>
    public int Held => _held;

    /// <summary>From now on requests wait, unanswered, until <see cref="Release"/>.</summary>
    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    /// <summary>The delta link a round that ended now would hand out: "changes since now".</summary>
    public string DeltaLinkNow => $"{BaseUrl}/users/delta?$deltatoken={Interlocked.Read(ref _version)}";

    public int DeltaRequests => _deltaRequests;
    public int BatchRequests => _batchRequests;
    public int BatchItems => _batchItems;

    /// <summary>The org's Teams app catalog: manifest id (<c>externalId</c>) → catalog id.</summary>
    public ConcurrentDictionary<string, string> CatalogApps { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often the catalog was searched.</summary>
    public int CatalogRequests => _catalogRequests;

    private int _catalogRequests;

    /// <summary>Proactive installs: (user id, the <c>teamsApp@odata.bind</c> it asked for).</summary>
    public ConcurrentQueue<(string UserId, string TeamsApp)> Installs { get; } = new();

    /// <summary>Ids asked for in each $batch request, in order.</summary>
    public ConcurrentQueue<string[]> Batches { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        FakeGraph? graph = null;
        var server = await LoopbackServer.StartAsync(app => app.Run(ctx => graph!.HandleAsync(ctx)));
        graph = new FakeGraph(server);
        return graph;
    }

    /// <summary>Adds or changes a person; the next delta round reports them.</summary>
    public void Put(GraphUser user)
    {
        _users[user.Id] = user;
        _changedAt[user.Id] = Interlocked.Increment(ref _version);
    }

    /// <summary>Deletes a person; the next delta round reports them as <c>@removed</c>.</summary>
    public void Remove(string id)
    {
        _users.TryRemove(id, out _);
        _changedAt[id] = Interlocked.Increment(ref _version);
    }

    /// <summary>The next <paramref name="items"/> batch items are answered 429 with Retry-After: 1.</summary>
    public void ThrottleNextBatchItems(int items) => _throttleNextItems = items;

    public void ResetCounters()
    {
        _deltaRequests = _batchRequests = _batchItems = 0;
        Batches.Clear();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        Interlocked.Increment(ref _requests);
        if (Refuse)
        {
            ctx.Abort();
            return;
        }
        if (!_gate.Task.IsCompleted)
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _gate.Task.WaitAsync(ctx.RequestAborted);
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, ctx.RequestAborted);
        if (!ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer " + AcceptedTokenPrefix, StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 401;
            return;
        }
        if (ctx.Request.Method == "GET" && (path.EndsWith("/users/delta", StringComparison.Ordinal) || path.EndsWith("/users/delta()", StringComparison.Ordinal) || path.EndsWith("/users/microsoft.graph.delta()", StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _deltaRequests);
            await ctx.Response.WriteAsJsonAsync(DeltaPage(ctx.Request.Query));
            return;
        }
        if (ctx.Request.Method == "POST" && path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _batchRequests);
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body);
            await ctx.Response.WriteAsJsonAsync(Batch(doc.RootElement));
            return;
        }
        if (ctx.Request.Method == "GET" && (path.EndsWith("/transitiveMembers/microsoft.graph.user", StringComparison.Ordinal) || path.EndsWith("/transitiveMembers/graph.user", StringComparison.Ordinal)))
        {
            await ctx.Response.WriteAsJsonAsync(MembersPage(Uri.UnescapeDataString(path.Split('/')[^3]), ctx.Request.Query));
            return;
        }
        if (ctx.Request.Method == "GET" && path.EndsWith("/appCatalogs/teamsApps", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _catalogRequests);
            // $filter=externalId eq '{id}', as the installer asks (https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps).
            var filter = ctx.Request.Query["$filter"].ToString();
            var externalId = filter.StartsWith("externalId eq '", StringComparison.Ordinal) ? filter["externalId eq '".Length..].TrimEnd('\'') : "";
            var found = CatalogApps.TryGetValue(externalId, out var id)
                ? new JsonArray(new JsonObject { ["id"] = id, ["externalId"] = externalId, ["distributionMethod"] = "organization" })
                : [];
            await ctx.Response.WriteAsJsonAsync(new JsonObject { ["value"] = found });
            return;
        }
        if (ctx.Request.Method == "POST" && path.EndsWith("/teamwork/installedApps", StringComparison.Ordinal))
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body);
            var userId = Uri.UnescapeDataString(path.Split('/')[^3]);
            var alreadyInstalled = Installs.Any(i => i.UserId == userId);
            Installs.Enqueue((userId, doc.RootElement.GetProperty("teamsApp@odata.bind").GetString()!));
            ctx.Response.StatusCode = !_users.ContainsKey(userId) ? 404 : alreadyInstalled ? 409 : 201;
            if (ctx.Response.StatusCode != 201)
                await ctx.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = ctx.Response.StatusCode == 409 ? "Conflict" : "NotFound", ["message"] = "x" } });
            return;
        }
        ctx.Response.StatusCode = 404;
    }

    /// <summary>Entra groups and their (transitive) member ids, for <c>/groups/{id}/transitiveMembers/microsoft.graph.user</c>.</summary>
    public ConcurrentDictionary<string, string[]> Groups { get; } = new();

    private JsonObject MembersPage(string groupId, IQueryCollection query)
    {
        var members = Groups.GetValueOrDefault(groupId) ?? [];
        var offset = int.TryParse(query["$skiptoken"], CultureInfo.InvariantCulture, out var skip) ? skip : 0;
        var page = new JsonObject { ["value"] = new JsonArray([.. members.Skip(offset).Take(PageSize).Select(id => (JsonNode)new JsonObject { ["id"] = id })]) };
        if (offset + PageSize < members.Length)
            page["@odata.nextLink"] = $"{BaseUrl}/groups/{groupId}/transitiveMembers/microsoft.graph.user?$skiptoken={offset + PageSize}";
        return page;
    }

    private JsonObject DeltaPage(IQueryCollection query)
    {
        // $skiptoken = "{since}:{offset}", $deltatoken = "{since}"; since -1 = everyone.
        long since;
        int offset;
        if (query["$skiptoken"].ToString() is { Length: > 0 } skip)
        {
            var parts = skip.Split(':');
            (since, offset) = (long.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        else
        {
            since = query["$deltatoken"].ToString() is { Length: > 0 } delta ? long.Parse(delta, CultureInfo.InvariantCulture) : -1;
            offset = 0;
        }
        var snapshot = since < 0
            ? _users.Keys.Order(StringComparer.Ordinal).ToList()
            : _changedAt.Where(c => c.Value > since).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        var page = snapshot.Skip(offset).Take(PageSize).Select(id => _users.TryGetValue(id, out var user) ? DeltaUser(user) : Removed(id)).ToList();
        var result = new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}/$metadata#users",
            ["value"] = new JsonArray([.. page]),
        };
        if (offset + PageSize < snapshot.Count)
            result["@odata.nextLink"] = $"{BaseUrl}/users/delta?$skiptoken={since}:{offset + PageSize}";
        else
            result["@odata.deltaLink"] = $"{BaseUrl}/users/delta?$deltatoken={Interlocked.Read(ref _version)}";
        return result;
    }

    private JsonObject Batch(JsonElement body)
    {
        var responses = new JsonArray();
        var ids = new List<string>();
        foreach (var request in body.GetProperty("requests").EnumerateArray())
        {
            Interlocked.Increment(ref _batchItems);
            var stepId = request.GetProperty("id").GetString()!;
            var url = request.GetProperty("url").GetString()!;
            var segments = url.Split('?')[0].TrimStart('/').Split('/');
            var userId = Uri.UnescapeDataString(segments[1]);
            ids.Add(userId);
            if (TakeThrottle())
            {
                responses.Add(new JsonObject
                {
                    ["id"] = stepId, ["status"] = 429,
                    ["headers"] = new JsonObject { ["Retry-After"] = "1", ["Content-Type"] = "application/json" },
                    ["body"] = new JsonObject { ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = "Too many requests" } },
                });
                continue;
            }
            if (segments is [_, _, "mailboxSettings"])
            {
                responses.Add(MailboxSettings(stepId, userId));
                continue;
            }
            responses.Add(_users.TryGetValue(userId, out var user)
                ? new JsonObject { ["id"] = stepId, ["status"] = 200, ["headers"] = new JsonObject { ["Content-Type"] = "application/json" }, ["body"] = UserWithManager(user) }
                : new JsonObject
                {
                    ["id"] = stepId, ["status"] = 404, ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                    ["body"] = new JsonObject { ["error"] = new JsonObject { ["code"] = "Request_ResourceNotFound", ["message"] = $"Resource '{userId}' does not exist." } },
                });
        }
        Batches.Enqueue([.. ids]);
        return new JsonObject { ["responses"] = responses };
    }

    /// <summary>
    /// Each person's Outlook automatic replies, as <c>GET /users/{id}/mailboxSettings?$select=automaticRepliesSetting</c>
    /// answers (https://learn.microsoft.com/graph/api/user-get-mailboxsettings): unset means replies off.
    /// </summary>
    public ConcurrentDictionary<string, JsonObject> AutomaticReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Mailbox settings are refused with 403, as Graph does when <c>MailboxSettings.Read</c> is not granted.</summary>
    public bool MailboxSettingsForbidden { get; set; }

    /// <summary>Batch items that asked for a mailbox's settings.</summary>
    public int MailboxReads => _mailboxReads;

    private int _mailboxReads;

    /// <summary>
    /// Automatic replies as Outlook stores them: status and, when scheduled, local times in a named zone, with the
    /// messages people wrote (Outlook keeps a past schedule's times when the status is not <c>scheduled</c>).
    /// </summary>
    public void SetAutomaticReplies(string userId, string status, DateTime? start = null, DateTime? end = null, string timeZone = "UTC") =>
        AutomaticReplies[userId] = new JsonObject
        {
            ["status"] = status,
            ["externalAudience"] = "all",
            ["internalReplyMessage"] = "<html><body>On holiday in Lisbon, back soon</body></html>",
            ["externalReplyMessage"] = "<html><body>Out of office</body></html>",
            ["scheduledStartDateTime"] = new JsonObject { ["dateTime"] = (start ?? new DateTime(2026, 1, 1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = timeZone },
            ["scheduledEndDateTime"] = new JsonObject { ["dateTime"] = (end ?? new DateTime(2026, 1, 2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture), ["timeZone"] = timeZone },
        };

    private JsonObject MailboxSettings(string stepId, string userId)
    {
        Interlocked.Increment(ref _mailboxReads);
        var headers = new JsonObject { ["Content-Type"] = "application/json" };
        if (MailboxSettingsForbidden)
            return new JsonObject { ["id"] = stepId, ["status"] = 403, ["headers"] = headers, ["body"] = new JsonObject { ["error"] = new JsonObject { ["code"] = "ErrorAccessDenied", ["message"] = "Access is denied. Check credentials and try again." } } };
        if (!_users.ContainsKey(userId))
            return new JsonObject { ["id"] = stepId, ["status"] = 404, ["headers"] = headers, ["body"] = new JsonObject { ["error"] = new JsonObject { ["code"] = "ErrorItemNotFound", ["message"] = "x" } } };
        var setting = AutomaticReplies.TryGetValue(userId, out var replies) ? replies.DeepClone() : new JsonObject
        {
            ["status"] = "disabled", ["externalAudience"] = "all", ["internalReplyMessage"] = "", ["externalReplyMessage"] = "",
            ["scheduledStartDateTime"] = new JsonObject { ["dateTime"] = "2026-01-01T00:00:00.0000000", ["timeZone"] = "UTC" },
            ["scheduledEndDateTime"] = new JsonObject { ["dateTime"] = "2026-01-02T00:00:00.0000000", ["timeZone"] = "UTC" },
        };
        return new JsonObject
        {
            ["id"] = stepId, ["status"] = 200, ["headers"] = headers,
            ["body"] = new JsonObject
            {
                ["@odata.context"] = $"{BaseUrl}/$metadata#users('{userId}')/mailboxSettings(automaticRepliesSetting)",
                ["automaticRepliesSetting"] = setting,
            },
        };
    }

    private bool TakeThrottle()
    {
        lock (_users)
        {
            if (_throttleNextItems == 0)
                return false;
            _throttleNextItems--;
            return true;
        }
    }

    private static JsonObject Fields(GraphUser user) => new()
    {
        ["id"] = user.Id,
        ["displayName"] = user.DisplayName,
        ["mail"] = user.Mail,
        ["department"] = user.Department,
        ["accountEnabled"] = user.AccountEnabled,
        // Graph sends employeeHireDate as an ISO 8601 instant (midnight UTC for a date entered in Entra).
        ["employeeHireDate"] = user.HireDate is { } hired ? $"{hired:yyyy-MM-dd}T00:00:00Z" : null,
    };

    private static JsonObject DeltaUser(GraphUser user)
    {
        var json = Fields(user);
        if (user.ManagerId is not null)
            json["manager@delta"] = new JsonArray(new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = user.ManagerId });
        return json;
    }

    private static JsonObject UserWithManager(GraphUser user)
    {
        var json = Fields(user);
        if (user.ManagerId is not null)
            json["manager"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = user.ManagerId };
        return json;
    }

    private static JsonObject Removed(string id) => new() { ["id"] = id, ["@removed"] = new JsonObject { ["reason"] = "deleted" } };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>A person in the fake Graph.</summary>
public sealed record GraphUser(string Id, string DisplayName, string? Mail = null, string? ManagerId = null, string? Department = null, bool AccountEnabled = true, DateOnly? HireDate = null);
