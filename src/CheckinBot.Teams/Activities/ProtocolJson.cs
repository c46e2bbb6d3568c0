using System.Text.Json;
using System.Text.Json.Serialization;

namespace CheckinBot.Teams.Activities;

/// <summary>The JSON conventions of the Bot Framework wire protocol: camelCase, nulls omitted.</summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
