using Azure.Storage.Queues;
using CheckinBot.Core.Telemetry;
using Microsoft.Extensions.Hosting;

namespace CheckinBot.Storage.Runs;

/// <summary>
/// Reads the send queue's approximate length every <see cref="Every"/> for the <c>checkinbot.queue.depth</c> gauge: a
/// queue that keeps growing is work arriving faster than the budget lets it out (docs/operations.md).
/// </summary>
internal sealed class QueueDepthSampler(QueueClient queue, TimeProvider timeProvider) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, timeProvider);
        do
        {
            try
            {
                CheckinTelemetry.QueueDepth((await queue.GetPropertiesAsync(stoppingToken)).Value.ApproximateMessagesCount);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The queue not there yet, or storage briefly away: the gauge keeps its last value.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
