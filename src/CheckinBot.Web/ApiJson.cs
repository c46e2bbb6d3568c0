using System.Text.Json;
using System.Text.Json.Serialization;

namespace CheckinBot.Web;

/// <summary>How the bot's JSON APIs write: camelCase, enums as camelCase strings, absent values left out.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
