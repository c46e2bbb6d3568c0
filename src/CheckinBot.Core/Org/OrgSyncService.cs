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
            // One read of the page's people serves both the handovers and the index rows the write moves; the first
            // round has nothing cached to read.
            var before = token is null
                ? new Dictionary<string, Person>()
                : await store.FindManyAsync([.. page.Changes.Select(c => c.Id)], cancellationToken);
            if (token is not null)
                await handovers.StartAsync(ManagerChanges(page.Changes, before), cancellationToken);
            await store.ApplyAsync(page.Changes, before, cancellationToken);
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

    /// <summary>People of the page who had a manager and now have another (or had none and now have one).</summary>
    private static List<ManagerChange> ManagerChanges(IReadOnlyList<PersonChange> changes, IReadOnlyDictionary<string, Person> before) =>
        [.. changes.Select(change => change.Current is { Enabled: true, ManagerId: { } newManager }
                && before.GetValueOrDefault(change.Id) is { Enabled: true } was
                && !string.Equals(was.ManagerId, newManager, StringComparison.OrdinalIgnoreCase)
                ? new ManagerChange(was.Id, was.ManagerId, newManager.ToLowerInvariant())
                : null).OfType<ManagerChange>()];

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Org chart synced (full: {Full}): {Changes} changes in {Pages} pages")]
    private static partial void LogSynced(ILogger logger, bool full, int changes, int pages);
}
