using CheckinBot.Core.Managers;

namespace CheckinBot.Web.Background;

/// <summary>
/// Sends manager summaries: at once when a check-in is shared on this instance (the signal), and every
/// <see cref="SweepInterval"/> for whatever any instance left pending (a crash, a throttle, a manager not reachable yet).
/// </summary>
internal sealed partial class ManagerSummaryWorker(
    ManagerSummaryService summaries,
    SharedCheckinSignal signal,
    TimeProvider timeProvider,
    ILogger<ManagerSummaryWorker> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await summaries.DeliverPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
            await signal.WaitAsync(SweepInterval, timeProvider, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Delivering manager summaries failed; retrying on the next sweep")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
