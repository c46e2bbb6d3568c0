using CheckinBot.Core.Runs;
using Microsoft.Extensions.Options;

namespace CheckinBot.Web.Background;

/// <summary>
/// Takes fan-out work from the shared queue on every instance and keeps <see cref="FanoutOptions.ChunksInFlight"/> pieces
/// of it going at once (a new one starts as soon as one ends, not batch by batch); <see cref="FanoutWork"/> does each.
/// A message is invisible while it is worked on and deleted only after the outcome is recorded, so a crash means a
/// retry, never a loss.
/// </summary>
internal sealed partial class SendWorker(
    FanoutWork fanout, IWorkBacklog backlog, IOptions<FanoutOptions> options, TimeProvider timeProvider, ILogger<SendWorker> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = options.Value.ChunksInFlight;
        if (inFlight <= 0)
            return;
        using var slots = new SemaphoreSlim(inFlight);
        var running = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var free = 1;
            while (free < Math.Min(inFlight, 32) && slots.Wait(0, CancellationToken.None))
                free++;
            IReadOnlyList<QueuedWork> taken = [];
            try
            {
                taken = await backlog.TakeAsync(free, fanout.InvisibleFor, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            if (free > taken.Count)
                slots.Release(free - taken.Count);
            running.RemoveAll(t => t.IsCompleted);
            foreach (var work in taken)
                running.Add(DoAsync(work, slots, stoppingToken));
            if (taken.Count == 0)
            {
                try
                {
                    await Task.Delay(IdlePause, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        // Shutting down: what is being sent finishes and is recorded; the rest was given back.
        await Task.WhenAll(running);
    }

    private async Task DoAsync(QueuedWork work, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await fanout.DoAsync(work, stoppingToken);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex); // the message reappears after its invisibility and is tried again
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(EventId = 9303, Level = LogLevel.Warning, Message = "Fan-out work failed; it is retried when its message reappears")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
