using CheckinBot.Core.Time;

namespace CheckinBot.Web.Observability;

/// <summary>Says once at start-up which settings are still set under a key that was renamed, and the key to use.</summary>
internal sealed partial class RenamedSettingsWarning(IConfiguration configuration, ILogger<RenamedSettingsWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (old, renamed) in WorkdayOptions.RenamedKeys)
        {
            if (configuration[old] is not null)
                LogRenamed(logger, old, renamed);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9610, Level = LogLevel.Warning, Message = "Setting {OldKey} is read, but it has moved: set {NewKey} instead (the old key is used only while the new one is not set)")]
    private static partial void LogRenamed(ILogger logger, string oldKey, string newKey);
}
