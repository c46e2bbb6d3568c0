using System.Text.Json;

namespace CheckinBot.Teams.Activities;

/// <summary>
/// Every inbound field is untrusted. Before anything is stored, the values that become Table Storage keys or
/// properties are checked against what Teams actually sends (id shapes, sane lengths, no characters Table Storage
/// forbids in keys), and list fields are cleaned of <c>null</c> items. A problem names the field for the 400 answer.
/// </summary>
public static class ActivityValidation
{
    public const int MaxIdLength = 512;
    public const int MaxUrlLength = 2048;
    public const int MaxNameLength = 256;
    public const int MaxTextLength = 28_000; // Teams caps a message at about 28 KB of text

    /// <summary>Returns the name of the first field that is unusable and why, or null when the activity is fine.</summary>
    public static string? Check(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.MembersAdded = WithoutNulls(activity.MembersAdded);
        activity.MembersRemoved = WithoutNulls(activity.MembersRemoved);
        activity.ReactionsAdded = WithoutNulls(activity.ReactionsAdded);
        activity.ReactionsRemoved = WithoutNulls(activity.ReactionsRemoved);
        activity.Attachments = WithoutNulls(activity.Attachments);

        return Id("id", activity.Id)
            ?? Id("replyToId", activity.ReplyToId)
            ?? Bounded("type", activity.Type, MaxNameLength)
            ?? Bounded("name", activity.Name, MaxNameLength)
            ?? Bounded("action", activity.Action, MaxNameLength)
            ?? Bounded("channelId", activity.ChannelId, MaxNameLength)
            ?? ServiceUrl(activity.ServiceUrl)
            ?? Bounded("text", activity.Text, MaxTextLength)
            ?? Account("from", activity.From)
            ?? Account("recipient", activity.Recipient)
            ?? Id("conversation.id", activity.Conversation?.Id)
            ?? Bounded("conversation.conversationType", activity.Conversation?.ConversationType, MaxNameLength)
            ?? TenantId(activity.TenantId)
            ?? Bounded("clientInfo.timezone", activity.ClientTimeZone, 100)
            ?? Bounded("localTimezone", activity.LocalTimezone, 100);
    }

    /// <summary>
    /// An Entra object id: a GUID (8-4-4-4-12 hex digits). Emulators such as the Agents Playground use GUID-like ids
    /// with a longer last group, so the shape is hex digits and dashes, 32–40 characters.
    /// </summary>
    public static bool IsObjectId(string? value) =>
        value is { Length: >= 32 and <= 40 } && value.All(c => char.IsAsciiHexDigit(c) || c == '-');

    private static string? Account(string field, ChannelAccount? account) =>
        account is null ? null
        : Id(field + ".id", account.Id)
            ?? Bounded(field + ".name", account.Name, MaxNameLength)
            ?? (account.EntraObjectId is { } aad && !IsObjectId(aad) ? $"{field}.aadObjectId is not an Entra object id" : null);

    private static string? TenantId(string? tenantId) =>
        tenantId is not null && !IsObjectId(tenantId) && tenantId.Length > 0 ? "channelData.tenant.id is not a tenant id (a GUID)" : null;

    private static string? ServiceUrl(string? url) =>
        url is null ? null
        : url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            ? "serviceUrl is not an http(s) URL"
            : null;

    /// <summary>Ids are stored as properties and compared; control characters and huge values are refused.</summary>
    private static string? Id(string field, string? value) =>
        value is null ? null
        : value.Length > MaxIdLength ? $"{field} is longer than {MaxIdLength} characters"
        : value.Any(char.IsControl) ? $"{field} contains control characters"
        : null;

    private static string? Bounded(string field, string? value, int max) =>
        value?.Length > max ? $"{field} is longer than {max} characters" : null;

    private static IList<T>? WithoutNulls<T>(IList<T>? items) where T : class =>
        items is null || !items.Contains(null!) ? items : [.. items.Where(i => i is not null)];
}
