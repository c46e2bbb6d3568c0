using CheckinBot.Core.Feedback;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;

namespace CheckinBot.Web.Background;

/// <summary>
/// Delivers what turns leave in the outbox (manager summaries, feedback): at once when a turn on this instance signals,
/// and every <see cref="SweepInterval"/> for whatever is due from any instance (a crash, a throttle, a recipient not
/// reachable yet).
/// </summary>
internal sealed partial class OutboxWorker(
    ManagerSummaryDeliveryService summaries,
    FeedbackDeliveryService feedback,
    CheckinBot.Core.Handovers.HandoverDeliveryService handovers,
    OutboxSignal signal,
    TimeProvider timeProvider,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Each kind on its own: a fault in one does not hold the other back.
            await SweepAsync(summaries.DeliverPendingAsync, "manager summaries", stoppingToken);
            await SweepAsync(feedback.DeliverPendingAsync, "feedback", stoppingToken);
            await SweepAsync(handovers.DeliverPendingAsync, "handovers", stoppingToken);
            await signal.WaitAsync(SweepInterval, timeProvider, stoppingToken);
        }
    }

    private async Task SweepAsync(Func<CancellationToken, Task<int>> deliver, string what, CancellationToken stoppingToken)
    {
        try
        {
            await deliver(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, what, ex);
        }
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Delivering {What} failed; retrying on the next sweep")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}
