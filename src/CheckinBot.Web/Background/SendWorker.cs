using CheckinBot.Core.Runs;

namespace CheckinBot.Web.Background;

/// <summary>
/// Takes fan-out work from the shared queue on every instance: plans runs and sends to their recipients. A message is
/// invisible while it is worked on and deleted only after the outcome is recorded, so a crash means a retry, never a loss.
/// </summary>
internal sealed partial class SendWorker(RunService runs, IWorkBacklog backlog, TimeProvider timeProvider, ILogger<SendWorker> logger) : BackgroundService
{
    private static readonly TimeSpan InvisibleFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<QueuedWork> batch = [];
            try
            {
                batch = await backlog.TakeAsync(16, InvisibleFor, stoppingToken);
                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken }, DoAsync);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex); // the messages reappear after their invisibility and are tried again
            }
            if (batch.Count == 0)
                await Task.Delay(IdlePause, timeProvider, stoppingToken);
        }
    }

    private async ValueTask DoAsync(QueuedWork work, CancellationToken cancellationToken)
    {
        if (work.Work.IsPlan)
        {
            await runs.PlanAsync(work.Work.RunId, cancellationToken);
            await backlog.DeleteAsync(work, cancellationToken);
            return;
        }
        var retryIn = await runs.SendAsync(work.Work.RunId, work.Work.UserId!, cancellationToken);
        if (retryIn is { } delay)
            await backlog.RetryLaterAsync(work, delay, cancellationToken);
        else
            await backlog.DeleteAsync(work, cancellationToken);
    }

    [LoggerMessage(EventId = 9303, Level = LogLevel.Warning, Message = "Fan-out work failed; it is retried when its message reappears")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
