using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Insights.Events.ChunkFinished;

/// <summary>
/// A finished chunk's outcomes, summed per group and day first, so a row gets one fold per chunk and day (the rows'
/// memory of recent folds then covers whole runs' worth of chunks).
/// </summary>
public sealed class ChunkFinishedFold(IRunStore runs, IRunRecipientStore recipientStore) : MetricsEventFold<ChunkFinished>
{
    protected override async Task<IReadOnlyList<MetricFold>?> FoldAsync(ChunkFinished finished, DateTimeOffset notedAt, FoldContext context, CancellationToken cancellationToken)
    {
        if (await runs.FindRunAsync(finished.RunId, cancellationToken) is not { } run)
            return null;
        var sums = new Dictionary<(string Group, DateOnly Day), MetricTally>();
        foreach (var recipient in await recipientStore.ListChunkAsync(finished.RunId, finished.Chunk, cancellationToken))
        {
            if (!recipient.IsDone || recipient.DoneAt is not { } doneAt)
                continue;
            var day = DateOnly.FromDateTime(doneAt.UtcDateTime);
            var tally = MetricTally.Of(recipient);
            foreach (var group in await context.GroupsOfAsync(recipient.UserId, run.CadenceId, cancellationToken))
                sums[(group, day)] = sums.TryGetValue((group, day), out var sum) ? sum.Add(tally) : tally;
        }
        return [.. sums.Select(s => new MetricFold(FoldContext.FoldId($"{finished.RunId}|{finished.Chunk}|{s.Key.Day:yyyy-MM-dd}"), s.Key.Day, [s.Key.Group], s.Value))];
    }
}
