using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Storage;

/// <summary>
/// Moves rows stored under the old shared row keys (<see cref="PersonRowKeys"/>) in the background after start-up:
/// until it finishes, reads still find old rows (and move them), so serving never waits for it. A failure is logged
/// and retried at the next start; nothing is lost meanwhile.
/// </summary>
internal sealed partial class PersonRowKeyMigration(PersonRowKeys rowKeys, ILogger<PersonRowKeyMigration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await rowKeys.MigrateAllAsync(stoppingToken) is var moved and > 0)
                LogMoved(logger, moved);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 9402, Level = LogLevel.Information, Message = "Moved {Count} rows to per-person row keys")]
    private static partial void LogMoved(ILogger logger, int count);

    [LoggerMessage(EventId = 9401, Level = LogLevel.Warning, Message = "Moving rows to per-person row keys failed; reads keep finding the old rows, and the next start tries again")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
