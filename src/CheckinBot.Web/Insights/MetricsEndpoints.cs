using System.Text;
using CheckinBot.Core.Insights;
using CheckinBot.Web.Admin;

namespace CheckinBot.Web.Insights;

/// <summary>
/// <c>GET /api/admin/metrics</c> (JSON) and <c>GET /api/admin/export</c> (CSV, same parameters): HR's figures from the
/// rollups, thresholded (docs/architecture.md, "Metrics"). Bad parameters are 400 problem details naming the parameter;
/// a suppressed group carries no figure at all.
/// </summary>
internal static class MetricsEndpoints
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = ApiJson.Options;

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/metrics", (HttpRequest http, MetricsService metrics, TimeProvider timeProvider, CancellationToken ct) =>
            AnswerAsync(http, metrics, timeProvider, report => Results.Json(report, Json), ct))
            .RequireAuthorization(AdminAuthentication.Policy);
        // The same figures as a spreadsheet: UTF-8 with a byte-order mark, so Excel reads names with accents right.
        endpoints.MapGet("/api/admin/export", (HttpRequest http, MetricsService metrics, TimeProvider timeProvider, CancellationToken ct) =>
            AnswerAsync(http, metrics, timeProvider, report => Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(MetricsCsv.Write(report))],
                "text/csv; charset=utf-8", $"checkinbot-metrics-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv"), ct))
            .RequireAuthorization(AdminAuthentication.Policy);
        return endpoints;
    }

    private static async Task<IResult> AnswerAsync(HttpRequest http, MetricsService metrics, TimeProvider timeProvider, Func<MetricsReport, IResult> answer, CancellationToken ct)
    {
        var query = http.Query;
        var (request, parameter, error) = MetricsRequest.Parse(query["groupBy"], query["period"], query["from"], query["to"], query["managerId"],
            DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
        if (request is null)
            return ApiProblems.BadParameter(parameter!, error!);
        return answer(await metrics.ReportAsync(request, ct));
    }
}
