namespace CheckinBot.Web.Background;

/// <summary>Runs a piece of work now and then every <c>interval</c>; a failed round is logged and retried next time.</summary>
internal abstract partial class PeriodicWorker(TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, GetType().Name, ex);
            }
            await Task.Delay(Interval, timeProvider, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 9200, Level = LogLevel.Warning, Message = "{Worker} failed; it runs again at its next interval")]
    private static partial void LogFailed(ILogger logger, string worker, Exception exception);
}
