using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Org;

public sealed record OrgSyncResult(int Changes, int Pages, bool Full);

/// <summary>
/// Keeps the cached org chart current: the first round reads everyone, later rounds only what changed. The token is
/// saved only after every page is applied, so a crash repeats the round instead of losing changes.
/// </summary>
public sealed partial class OrgSyncService(IOrgChartSource source, IOrgChartStore store, ILogger<OrgSyncService> logger)
{
    public async Task<OrgSyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        var token = await store.FindSyncTokenAsync(cancellationToken);
        var (changes, pages) = (0, 0);
        string? next = null;
        await foreach (var page in source.ReadChangesAsync(token, cancellationToken))
        {
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

    /// <summary>Adds people the cache does not know yet (someone who joined since the last round).</summary>
    public async Task<int> RefreshAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var people = await source.GetPeopleAsync(ids, cancellationToken);
        await store.ApplyAsync([.. people.Select(p => new PersonChange(p.Id, p))], firstSync: false, cancellationToken);
        return people.Count;
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Org chart synced (full: {Full}): {Changes} changes in {Pages} pages")]
    private static partial void LogSynced(ILogger logger, bool full, int changes, int pages);
}
