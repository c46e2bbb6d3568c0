using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Web;

/// <summary>Downloads behind the short-lived links that <c>export my data</c> sends.</summary>
internal static class ExportEndpoints
{
    /// <summary>
    /// The export is for people, not for our storage: statuses and purposes as words, and nothing of storage's own
    /// (versions/ETags, the de-duplication memory of a draft).
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutStorageInternals } },
    };

    private static readonly string[] StorageInternals = ["version", "handledActivityIds"];

    private static void WithoutStorageInternals(JsonTypeInfo type)
    {
        foreach (var property in type.Properties.Where(p => StorageInternals.Contains(p.Name)).ToList())
            type.Properties.Remove(property);
    }

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/export/{token}/{format}", async (string token, string format, ExportTokens tokens, GrowthLogService log, HttpContext http) =>
        {
            if (format is not ("json" or "csv"))
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown format", detail: "The format must be json or csv.");
            var userId = await tokens.ValidateAsync(token, http.RequestAborted);
            if (userId is null)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Link expired", detail: "This link is invalid or has expired. Type 'export my data' in Teams for a new one.");

            var export = await log.ExportAsync(userId, http.RequestAborted);
            http.Response.Headers.CacheControl = "no-store";
            return format == "json"
                ? Results.File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", "checkinbot-export.json")
                // A byte-order mark and an explicit charset, so spreadsheets open names and notes in any script correctly.
                : Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(GrowthLogCsv.Write(export))], "text/csv; charset=utf-8", "checkinbot-export.csv");
        });
        return endpoints;
    }
}
