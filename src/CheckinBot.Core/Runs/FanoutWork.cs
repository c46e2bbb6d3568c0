using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Does one piece of fan-out work taken from the shared queue: plans a run, sends a chunk or sends a chunk's reminder,
/// then deletes the message or puts it back for later. While it works the message is kept hidden a claim at a time, so
/// after a crash the work is visible again within <see cref="InvisibleFor"/>, not minutes later.
/// </summary>
public sealed partial class FanoutWork(
    RunService runs, ChunkSender sender, IWorkBacklog backlog, IOptions<FanoutOptions> options, TimeProvider timeProvider, ILogger<FanoutWork> logger)
{
    /// <summary>How long a taken message stays hidden: a claim plus a moment, renewed every third of a claim while worked on.</summary>
    public TimeSpan InvisibleFor => options.Value.ClaimFor + TimeSpan.FromSeconds(5);

    /// <summary>
    /// Does the work. On shutdown (<paramref name="stopping"/>) what is being sent finishes and is recorded and the
    /// message is made visible again at once, for an instance that is staying.
    /// </summary>
    public async Task DoAsync(QueuedWork work, CancellationToken stopping)
    {
        var current = work;
        using var done = new CancellationTokenSource();
        var keepHidden = KeepHiddenAsync(() => current, next => current = next, done.Token);
        TimeSpan? retryIn;
        try
        {
            retryIn = work.Work switch
            {
                { Chunk: not { } } => await PlanAsync(work.Work.RunId, stopping),
                { Chunk: { } chunk, Reminder: > 0 } => await sender.RemindChunkAsync(work.Work.RunId, chunk, work.Work.Reminder, stopping),
                { Chunk: { } chunk } => await sender.SendChunkAsync(work.Work.RunId, chunk, stopping),
            };
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            retryIn = TimeSpan.Zero;
        }
        finally
        {
            await done.CancelAsync();
            await keepHidden;
        }
        if (retryIn is { } delay)
            await backlog.RetryLaterAsync(current, delay, CancellationToken.None);
        else
            await backlog.DeleteAsync(current, CancellationToken.None);
    }

    private async Task<TimeSpan?> PlanAsync(string runId, CancellationToken stopping)
    {
        await runs.PlanAsync(runId, stopping);
        return null;
    }

    private async Task KeepHiddenAsync(Func<QueuedWork> current, Action<QueuedWork> renewed, CancellationToken done)
    {
        while (true)
        {
            try
            {
                await Task.Delay(options.Value.ClaimFor / 3, timeProvider, done);
                // Not cancelled once sent: a renewal that went through but whose answer was dropped would leave us a stale receipt.
                renewed(await backlog.KeepHiddenAsync(current(), InvisibleFor, CancellationToken.None));
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogNotRenewed(logger, ex); // tried again next beat; at worst another instance takes the work, whose claims stop it
            }
        }
    }

    [LoggerMessage(EventId = 9304, Level = LogLevel.Warning, Message = "Could not keep fan-out work hidden; trying again shortly")]
    private static partial void LogNotRenewed(ILogger logger, Exception exception);
}
