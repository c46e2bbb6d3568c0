using CheckinBot.Core.Handovers;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Org;

public sealed record OrgSyncResult(int Changes, int Pages, bool Full);

/// <summary>
/// Keeps the cached org chart current: the first round reads everyone, later rounds only what changed. The token is
/// saved only after every page is applied, so a crash repeats the round instead of losing changes. A person whose
/// manager changed (after the first round) starts a handover before the change is written, so the round repeated after
/// a crash sees the change again.
/// </summary>
public sealed partial class OrgSyncService(IOrgChartSource source, IOrgChartStore store, HandoverService handovers, ILogger<OrgSyncService> logger)
{
    public async Task<OrgSyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        var token = await store.FindSyncTokenAsync(cancellationToken);
        var (changes, pages) = (0, 0);
        string? next = null;
        await foreach (var page in source.ReadChangesAsync(token, cancellationToken))
        {
            if (token is not null)
                await handovers.StartAsync(await ManagerChangesAsync(page.Changes, cancellationToken), cancellationToken);
            await store.ApplyAsync(page.Changes, firstSync: token is null, cancellationToken);
            changes += page.Changes.Count;
            pages++;
            next = page.NextSyncToken ?? next;
        }
        if (next is not null)
            await store.SaveSyncTokenAsync(next, cancellationToken);
        LogSynced(logger, token is null, changes, pages);
        Telemetry.CheckinTelemetry.OrgSyncApplied(changes);
        return new OrgSyncResult(changes, pages, token is null);
    }

    /// <summary>People of the page who had a manager and now have another (or had none and now have one), read 16 at a time.</summary>
    private async Task<IReadOnlyList<ManagerChange>> ManagerChangesAsync(IReadOnlyList<PersonChange> changes, CancellationToken cancellationToken)
    {
        var moved = new ManagerChange?[changes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, changes.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            if (changes[i].Current is { Enabled: true, ManagerId: { } newManager }
                && await store.FindAsync(changes[i].Id, ct) is { Enabled: true } before
                && !string.Equals(before.ManagerId, newManager, StringComparison.OrdinalIgnoreCase))
                moved[i] = new ManagerChange(before.Id, before.ManagerId, newManager.ToLowerInvariant());
        });
        return [.. moved.OfType<ManagerChange>()];
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Org chart synced (full: {Full}): {Changes} changes in {Pages} pages")]
    private static partial void LogSynced(ILogger logger, bool full, int changes, int pages);
}
