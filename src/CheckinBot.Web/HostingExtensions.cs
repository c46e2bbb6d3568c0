using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CheckinBot.Core;
using CheckinBot.Web.Admin;
using CheckinBot.Web.Observability;
using CheckinBot.Web.Background;
using CheckinBot.Web.Insights;
using CheckinBot.Web.Legal;
using CheckinBot.Web.QuestionSets;
using CheckinBot.Web.Tab;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Core.Registrations;
using CheckinBot.Teams;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

using CheckinBot.Web.ReviewPacks;

namespace CheckinBot.Web;

internal static class HostingExtensions
{
    /// <summary>What every CheckinBot host needs: the clock, problem details, health checks, Core's use cases.</summary>
    public static IHostApplicationBuilder AddCheckinDefaults(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddHealthChecks();
        services.AddCheckinCore();
        services.AddHostedService<RenamedSettingsWarning>();
        services.AddOptions<Legal.LegalOptions>().BindConfiguration(Legal.LegalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddResponseCompression(options =>
        {
            // Only the tab's own static files use it (TabEndpoints): no secret is ever in them.
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript"];
        });
        // The default (fastest) level sent the tab's libraries a quarter larger; these files are small and few.
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return builder;
    }

    /// <summary>
    /// Work that runs outside turns. Added after storage: hosted services start in order, so the tables exist first.
    /// </summary>
    public static IHostApplicationBuilder AddCheckinBackgroundWork(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<QuestionSets.QuestionSetLibrary>();
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddHostedService<FeedbackNudgeWorker>();
        builder.Services.AddHostedService<ErasureWorker>();
        builder.Services.AddHostedService<MetricsWorker>();
        builder.Services.AddOptions<Local.LocalOptions>().BindConfiguration(Local.LocalOptions.SectionName);
        builder.Services.AddHostedService<Local.SampleHistorySeeder>();
        builder.Services.AddHostedService<SendWorker>();
        builder.Services.AddHostedService<PlannerWorker>();
        return builder;
    }

    public static WebApplication MapCheckinEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            // What it waits for, in a sentence an admin can act on (deploy.sh prints it while it waits): never a secret.
            ResponseWriter = (http, report) => http.Response.WriteAsync(report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? "Healthy"
                : string.Join("; ", report.Entries.Values.Where(e => e.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy).Select(e => e.Description ?? "unhealthy"))),
        });
        app.MapTeamsBot();
        app.MapExportEndpoints();
        app.MapReviewPackEndpoints();
        app.MapAdminEndpoints();
        app.MapMetricsEndpoints();
        app.MapTabEndpoints();
        app.MapQuestionSetEndpoints();
        app.MapLegalEndpoints();
        return app;
    }
}
