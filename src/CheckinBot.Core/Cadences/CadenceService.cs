using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Cadences;

/// <summary>HR's cadences in chat: list with next run, pause and resume. Only HR admins may use it.</summary>
public sealed class CadenceService(ICadenceStore store, IOptions<HrOptions> hr, TimeProvider timeProvider)
{
    public bool IsHr(string userId) => hr.Value.IsAdmin(userId);

    public async Task<IReadOnlyList<CadenceSummary>?> ListAsync(string userId, CancellationToken cancellationToken)
    {
        if (!IsHr(userId))
            return null;
        var now = timeProvider.GetUtcNow();
        return [.. (await store.ListAsync(cancellationToken))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CadenceSummary(c, c.Active ? CadenceCalendar.Next(c.Schedule, null, now) : null))];
    }

    /// <summary>Pauses or resumes a cadence; null when the person is not HR or the cadence is gone.</summary>
    public async Task<Cadence?> SetActiveAsync(string userId, string cadenceId, bool active, CancellationToken cancellationToken) =>
        !IsHr(userId) ? null : await OptimisticUpdate.RunAsync(
            () => store.FindAsync(cadenceId, cancellationToken),
            c => c is null || c.Active == active ? null : c with { Active = active },
            next => store.TrySaveAsync(next, cancellationToken),
            $"Cadence {cadenceId}");
}
