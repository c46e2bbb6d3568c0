using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Writing a run's recipients, shared by "run now" and the scheduled planner: the audience streamed in chunks of 100,
/// each written once (keyed run × person) and queued to become visible when due, then the run marked planned.
/// </summary>
internal static class RunPlanning
{
    /// <summary>Plans the run; returns how many people it has.</summary>
    public static async Task<int> PlanAsync(
        IRunStore runs, IWorkBacklog queue, IOrgDirectory directory, TimeProvider timeProvider,
        string runId, CadenceAudience audience, Func<Person, Task<RunRecipient>> recipientFor, CancellationToken cancellationToken)
    {
        var total = 0;
        await foreach (var chunk in Audience.Stream(directory, audience, cancellationToken).Chunk(100).WithCancellation(cancellationToken))
        {
            var recipients = new List<RunRecipient>();
            foreach (var person in chunk)
                recipients.Add(await recipientFor(person));
            await runs.AddRecipientsAsync(recipients, cancellationToken);
            // Queued even when they existed: a crash between writing and queueing must not strand anyone.
            var now = timeProvider.GetUtcNow();
            foreach (var due in recipients.GroupBy(r => r.DueAt > now ? r.DueAt!.Value - now : TimeSpan.Zero))
                await queue.EnqueueAsync(due.Select(r => new SendWork(runId, r.UserId)), due.Key, cancellationToken);
            total += recipients.Count;
        }
        await OptimisticUpdate.RunAsync(() => runs.FindRunAsync(runId, cancellationToken),
            r => r is null || r.PlannedAt is not null ? null : r with { PlannedAt = timeProvider.GetUtcNow(), Total = total },
            next => runs.TrySaveRunAsync(next, cancellationToken), $"Run {runId}");
        return total;
    }
}
