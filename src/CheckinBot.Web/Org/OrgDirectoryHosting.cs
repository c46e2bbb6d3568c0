using CheckinBot.Core.Org;
using CheckinBot.Graph;
using CheckinBot.Storage;
using CheckinBot.Web.Background;
using Microsoft.Extensions.Options;

namespace CheckinBot.Web.Org;

internal static partial class OrgDirectoryHosting
{
    /// <summary>
    /// The org directory chosen by <c>OrgDirectory:Source</c>: the CSV file (local mode's default) or Microsoft Graph
    /// cached in Table Storage and synced daily.
    /// </summary>
    public static IHostApplicationBuilder AddCheckinOrgDirectory(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OrgDirectoryOptions>().BindConfiguration(OrgDirectoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Which services to register is decided before the container exists, so the two sections are bound here too.
        var localMode = (builder.Configuration.GetSection(CheckinBot.Teams.BotOptions.SectionName).Get<CheckinBot.Teams.BotOptions>() ?? new()).IsLocalMode;
        var source = builder.Configuration.GetSection(OrgDirectoryOptions.SectionName).Get<OrgDirectoryOptions>()?.Source
            ?? (localMode ? OrgDirectorySource.File : OrgDirectorySource.Graph);
        if (source == OrgDirectorySource.File)
        {
            services.AddSingleton<IOrgDirectory>(sp => LoadFile(sp.GetRequiredService<IOptions<OrgDirectoryOptions>>().Value.FilePath,
                sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(OrgCsv))));
            // Resolved at start-up, so a missing or unreadable file stops the host with a message naming it.
            services.AddHostedService(sp => new StartupCheck(sp.GetRequiredService<IOrgDirectory>));
            return builder;
        }
        builder.AddCheckinGraph();
        builder.AddCheckinCachedOrgDirectory();
        services.AddSingleton<OrgSyncService>();
        services.AddHostedService<OrgSyncWorker>();
        return builder;
    }

    private static InMemoryOrgDirectory LoadFile(string path, IHostEnvironment environment, ILogger logger)
    {
        var candidates = Path.IsPathRooted(path)
            ? [path]
            : new[] { Directory.GetCurrentDirectory(), environment.ContentRootPath, Path.Combine(environment.ContentRootPath, "..", "..") }
                .Select(root => Path.GetFullPath(Path.Combine(root, path)));
        var file = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"OrgDirectory:FilePath '{path}' does not exist (looked in the working directory and the content root). Point it at the org CSV or set OrgDirectory:Source to Graph.", path);
        using var reader = File.OpenText(file);
        var result = OrgCsv.Parse(reader);
        foreach (var problem in result.Problems)
            LogBadRow(logger, file, problem);
        LogLoaded(logger, file, result.People.Count, result.Problems.Count);
        return new InMemoryOrgDirectory(result.People);
    }

    private sealed class StartupCheck(Func<IOrgDirectory> resolve) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            resolve();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [LoggerMessage(EventId = 8201, Level = LogLevel.Warning, Message = "Org CSV {File}: {Problem}")]
    private static partial void LogBadRow(ILogger logger, string file, string problem);

    [LoggerMessage(EventId = 8202, Level = LogLevel.Information, Message = "Org CSV {File}: {Count} people loaded, {Problems} rows skipped or corrected")]
    private static partial void LogLoaded(ILogger logger, string file, int count, int problems);
}
