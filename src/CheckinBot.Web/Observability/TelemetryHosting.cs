using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using CheckinBot.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CheckinBot.Web.Observability;

/// <summary>
/// OpenTelemetry traces, metrics and logs: to Azure Monitor (the distro) when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
/// is set, over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (both when both are), nothing otherwise.
/// Spans for each request and turn, each outgoing call (the connector, Graph) and each storage call (the Azure SDK's
/// own activity sources); the bot's meter <c>CheckinBot</c> (docs/operations.md). No request body, no message text:
/// logs carry ids and outcomes only, and the export link's token is cut from the span.
/// </summary>
internal static class TelemetryHosting
{
    public const string ServiceName = "checkinbot";

    public static IHostApplicationBuilder AddCheckinTelemetry(this IHostApplicationBuilder builder)
    {
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!azureMonitor && !otlp)
            return builder;

        // Table, Queue and Blob calls as spans (https://learn.microsoft.com/dotnet/azure/sdk/tracing).
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(CheckinTelemetry.Name, "Azure.Data.Tables.*", "Azure.Storage.*")
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = http => !http.Request.Path.StartsWithSegments("/health");
                    options.EnrichWithHttpRequest = RedactExportToken;
                })
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(CheckinTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging();
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
        }
        if (azureMonitor)
            telemetry.UseAzureMonitor();
        return builder;
    }

    /// <summary>An export link's path is a bearer token for someone's data: the span keeps the route, not the token.</summary>
    private static void RedactExportToken(Activity activity, HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api/export", out var rest) && rest.HasValue && rest.Value!.Length > 1)
        {
            activity.SetTag("url.path", "/api/export/{token}");
            activity.DisplayName = $"{request.Method} /api/export/{{token}}";
        }
    }
}
