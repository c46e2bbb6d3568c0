using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Managers;

/// <summary>
/// A manager's side of shared check-ins: a report's earlier ones, and acknowledging a summary. Each is checked against
/// the directory at read time, so a previous manager sees nothing new. Delivery is <see cref="ManagerSummaryDeliveryService"/>.
/// </summary>
public sealed class ManagerSummaryService(IShareHandoffStore handoffs, ICheckinStore checkins, IOrgDirectory directory, TimeProvider timeProvider)
{
    /// <summary>A report's earlier shared check-ins, newest first; null when the reader is not their manager now.</summary>
    public async Task<IReadOnlyList<CheckinRecord>?> HistoryAsync(string managerId, string employeeId, int max, CancellationToken cancellationToken)
    {
        if (!await directory.IsCurrentManagerAsync(managerId, employeeId, cancellationToken))
            return null;
        return [.. (await checkins.ListCheckinsAsync(employeeId, cancellationToken)).Where(r => r.SharedWithManager).OrderByDescending(r => r.CompletedAt).Take(max)];
    }

    /// <summary>The manager has read the summary; false when they are not the person's manager now.</summary>
    public async Task<bool> AcknowledgeAsync(string managerId, string employeeId, string checkinId, CancellationToken cancellationToken)
    {
        if (!await directory.IsCurrentManagerAsync(managerId, employeeId, cancellationToken))
            return false;
        await OptimisticUpdate.RunAsync(
            () => handoffs.FindAsync(employeeId, checkinId, cancellationToken),
            h => h is null || h.AcknowledgedAt is not null ? null : h with { AcknowledgedAt = timeProvider.GetUtcNow() },
            next => handoffs.TrySaveAsync(next, cancellationToken),
            $"Summary of {checkinId}");
        return true;
    }
}
