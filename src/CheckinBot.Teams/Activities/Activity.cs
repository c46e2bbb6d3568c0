using System.Text.Json;
using System.Text.Json.Serialization;

namespace CheckinBot.Teams.Activities;

/// <summary>
/// A Bot Framework activity as Teams sends and receives it. Unknown properties are kept in
/// <see cref="ExtensionData"/> so that fields Teams adds later survive a round trip.
/// </summary>
public sealed record Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public IList<MessageReaction>? ReactionsAdded { get; set; }
    public IList<MessageReaction>? ReactionsRemoved { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public string? Locale { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Teams puts the tenant in channelData.tenant.id; conversation.tenantId is the fallback.</summary>
    [JsonIgnore]
    public string? TenantId =>
        ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant)
        && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : Conversation?.TenantId;

    /// <summary>The IANA time zone from the <c>clientInfo</c> entity, if Teams sent one.</summary>
    [JsonIgnore]
    public string? ClientTimeZone => FindEntity("clientInfo") is { } info
        && info.TryGetProperty("timezone", out var tz) && tz.ValueKind == JsonValueKind.String
            ? tz.GetString()
            : null;

    /// <summary>
    /// The zone Teams reports for the person's client: the <c>clientInfo</c> entity's, else <c>localTimezone</c>. It is
    /// kept on their chat registration, where <c>PersonZones</c> reads it (the only rule for a person's zone).
    /// </summary>
    [JsonIgnore]
    public string? ReportedTimeZone => ClientTimeZone ?? LocalTimezone;

    public JsonElement? FindEntity(string type)
    {
        foreach (var entity in Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var t)
                && t.ValueKind == JsonValueKind.String
                && string.Equals(t.GetString(), type, StringComparison.OrdinalIgnoreCase))
            {
                return entity;
            }
        }
        return null;
    }

    /// <summary>Never print what people wrote: logs get the type and id only.</summary>
    public override string ToString() => $"{Type} activity {Id}";

    /// <summary>A reply skeleton addressed back to the sender in the same conversation.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = Recipient,
        Recipient = From,
        Conversation = Conversation,
        ReplyToId = Id,
        Text = text,
        Locale = Locale,
    };
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
    public const string Event = "event";
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }

    /// <summary>Teams member lookups return the Entra object id as <c>objectId</c> rather than <c>aadObjectId</c>.</summary>
    public string? ObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    [JsonIgnore]
    public string? EntraObjectId => AadObjectId ?? ObjectId;
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ConversationType { get; set; }
    public bool? IsGroup { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class MessageReaction
{
    public string? Type { get; set; }
}

public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public object? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TenantId { get; set; }
    public object? ChannelData { get; set; }
    public Activity? Activity { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ActivityId { get; set; }
}

/// <summary>The HTTP answer to an invoke activity: its status code and JSON body.</summary>
public sealed record InvokeResponse(int Status, object? Body);
