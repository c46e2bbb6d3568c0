using System.Text.Json;
using CheckinBot.Teams.Activities;

namespace CheckinBot.Teams.Bot;

/// <summary>
/// A card button click, from either path: Action.Execute (invoke <c>adaptiveCard/action</c>, value.action.verb/data)
/// or Action.Submit (a message whose value is our data, which always has a <c>verb</c>, merged with the inputs).
/// Input values are strings, as Teams sends them.
/// </summary>
public sealed record CardActionPayload(string Verb, JsonElement Data, string? CardActivityId)
{
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
            : null;

    internal static CardActionPayload? FromSubmit(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value && VerbOf(value) is { } verb
            ? new CardActionPayload(verb, value, activity.ReplyToId)
            : null;

    internal static CardActionPayload? FromInvoke(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var data = action.TryGetProperty("data", out var d) ? d : default;
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()
            : data.ValueKind == JsonValueKind.Object ? VerbOf(data) : null;
        return string.IsNullOrEmpty(verb) ? null : new CardActionPayload(verb, data, activity.ReplyToId);
    }

    private static string? VerbOf(JsonElement data) =>
        data.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
