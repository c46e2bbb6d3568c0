using System.Text.Json;
using System.Text.Json.Serialization;
using CheckinBot.Core.Insights;
using CheckinBot.Web.Admin;

namespace CheckinBot.Web.Insights;

/// <summary>
/// <c>GET /api/admin/metrics</c>: HR's figures from the rollups, thresholded (docs/architecture.md, "Metrics"). Bad
/// parameters are 400 problem details naming the parameter; a suppressed group carries no figure at all.
/// </summary>
internal static class MetricsEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/metrics", async (HttpRequest http, MetricsService metrics, TimeProvider timeProvider, CancellationToken ct) =>
        {
            var query = http.Query;
            var (request, parameter, error) = MetricsRequest.Parse(query["groupBy"], query["period"], query["from"], query["to"], query["managerId"],
                DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
            if (request is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Bad parameter: {parameter}", detail: error,
                    extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
            }
            return Results.Json(await metrics.ReportAsync(request, ct), Json);
        }).RequireAuthorization(AdminAuthentication.Policy);
        return endpoints;
    }
}
