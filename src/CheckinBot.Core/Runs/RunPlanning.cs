using CheckinBot.Core.Org;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Writing a run's recipients, shared by "run now" and the scheduled planner: the audience is streamed, people due at
/// the same moment are gathered into chunks of <see cref="ChunkSize"/>, each chunk is written once (a person at most once
/// per run) and queued to become visible when due, then the run is marked planned. Memory holds one open chunk per
/// distinct due time, whatever the audience's size.
/// </summary>
internal static class RunPlanning
{
    /// <summary>People per chunk: one queue message, one read, one claim and one tally row each.</summary>
    public const int ChunkSize = 50;

    /// <summary>
    /// Plans the run (a null recipient leaves that person out); returns how many people it has. A run planned before is
    /// planned again only when <paramref name="again"/> (a journey's cycle: people hired since): everyone already in it
    /// stays where they are and is not sent twice, newcomers go into new chunks.
    /// </summary>
    public static async Task<int> PlanAsync(
        IRunStore runs, IRunRecipientStore recipientStore, IWorkBacklog queue, TimeProvider timeProvider,
        string runId, IAsyncEnumerable<Person> audience, Func<Person, Task<RunRecipient?>> recipientFor, CancellationToken cancellationToken,
        bool again = false)
    {
        var total = 0;
        var chunks = again ? (await runs.FindRunAsync(runId, cancellationToken))?.Chunks ?? 0 : 0;
        // Chunks of earlier, finished plans are not queued again (their people are sent and counted); those of a plan
        // that crashed before it finished are, since that plan never moved the run's chunk count on.
        var firstChunk = chunks;
        var open = new Dictionary<DateTimeOffset, List<RunRecipient>>();

        async Task WriteAsync(List<RunRecipient> recipients)
        {
            var chunk = chunks++;
            var toSend = await recipientStore.AddChunkAsync(runId, chunk, [.. recipients.Select(r => r with { Chunk = chunk })], cancellationToken);
            if (again && !toSend.Contains(chunk))
                chunks = chunk; // everyone was in the run already: the number is still free
            var wait = (recipients[0].DueAt ?? DateTimeOffset.MinValue) - timeProvider.GetUtcNow();
            await queue.EnqueueAsync(toSend.Where(c => c >= firstChunk).Select(c => new SendWork(runId, c)), wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
        }

        await foreach (var person in audience.WithCancellation(cancellationToken))
        {
            if (await recipientFor(person) is not { } recipient)
                continue;
            var due = recipient.DueAt ?? DateTimeOffset.MinValue;
            if (!open.TryGetValue(due, out var gathering))
                open[due] = gathering = [];
            gathering.Add(recipient);
            total++;
            if (gathering.Count == ChunkSize)
            {
                open.Remove(due);
                await WriteAsync(gathering);
            }
        }
        foreach (var rest in open.Values)
            await WriteAsync(rest);

        await OptimisticUpdate.RunAsync(() => runs.FindRunAsync(runId, cancellationToken),
            r => r is null || (r.PlannedAt is not null && !again) ? null : r with { PlannedAt = timeProvider.GetUtcNow(), Total = total, Chunks = Math.Max(r.Chunks, chunks) },
            next => runs.TrySaveRunAsync(next, cancellationToken), $"Run {runId}");
        return total;
    }
}
