namespace CheckinBot.TestKit;

/// <summary>Activity JSON as the Agents Playground and Teams send it (the ids the playground uses for its local user).</summary>
public static class Activities
{
    public const string UserAadId = "00000000-0000-0000-0000-0000000000020";
    public const string TenantId = "00000000-0000-0000-0000-0000000000001";
    public const string UserId = "user-id-0";
    public const string BotId = "28:bot-id";
    public const string ConversationId = "personal-chat-id";

    public static object Message(string serviceUrl, string text, string? tenantId = null, object? value = null, string? replyToId = null) =>
        Base("message", serviceUrl, tenantId) with { Text = text, Value = value, ReplyToId = replyToId };

    public static object InstallationUpdate(string serviceUrl, string action = "add", string? tenantId = null) =>
        Base("installationUpdate", serviceUrl, tenantId) with { Action = action };

    /// <summary>Someone else of the tenant installs the bot (their own personal chat, <c>a:{aadObjectId}</c>).</summary>
    public static object InstallationUpdateFor(string serviceUrl, string aadObjectId) =>
        AsPerson(aadObjectId, Base("installationUpdate", serviceUrl, null) with { Action = "add" });

    /// <summary>A message from someone else of the tenant in their own personal chat (as <see cref="InstallationUpdateFor"/>).</summary>
    public static object MessageFor(string serviceUrl, string aadObjectId, string text) =>
        AsPerson(aadObjectId, Base("message", serviceUrl, null) with { Text = text });

    private static ActivityJson AsPerson(string aadObjectId, ActivityJson activity) => activity with
    {
        From = new Account("29:" + aadObjectId, "Person " + aadObjectId[..8], aadObjectId),
        Conversation = new Conversation("a:" + aadObjectId, "personal", TenantId),
    };

    public static object BotAdded(string serviceUrl) =>
        Base("conversationUpdate", serviceUrl, null) with { MembersAdded = [new Account(BotId, "CheckinBot", null)] };

    public static object Invoke(string serviceUrl, string name, object value) =>
        Base("invoke", serviceUrl, null) with { Name = name, Value = value, ReplyToId = "card-1" };

    public static ActivityJson Base(string type, string serviceUrl, string? tenantId) => new(
        Type: type,
        Id: Guid.NewGuid().ToString("N"),
        ChannelId: "msteams",
        ServiceUrl: serviceUrl,
        From: new Account(UserId, "Alex Wilber", UserAadId),
        Recipient: new Account(BotId, "CheckinBot", null),
        Conversation: new Conversation(ConversationId, "personal", tenantId ?? TenantId),
        ChannelData: new { tenant = new { id = tenantId ?? TenantId } },
        Entities: [new { type = "clientInfo", locale = "en-US", timezone = "Europe/Berlin" }]);

    public sealed record ActivityJson(
        string Type, string Id, string ChannelId, string ServiceUrl, Account From, Account Recipient,
        Conversation Conversation, object ChannelData, object[] Entities)
    {
        public string? Text { get; init; }
        public string? Action { get; init; }
        public string? Name { get; init; }
        public object? Value { get; init; }
        public string? ReplyToId { get; init; }
        public Account[]? MembersAdded { get; init; }
    }

    public sealed record Account(string Id, string Name, string? AadObjectId);

    public sealed record Conversation(string Id, string ConversationType, string TenantId);
}
