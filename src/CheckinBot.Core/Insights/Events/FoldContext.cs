using System.Security.Cryptography;
using System.Text;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Insights.Events;

/// <summary>
/// What every fold of one sweep shares: the groups a person counts in as the directory has them now (organisation,
/// department, every manager's tree above them, the cadence), each manager chain read once per sweep.
/// </summary>
public sealed class FoldContext(IOrgDirectory directory)
{
    private readonly Dictionary<string, string?> _managers = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<string>> GroupsOfAsync(string userId, string? cadenceId, CancellationToken cancellationToken)
    {
        var person = await directory.FindAsync(userId, cancellationToken);
        var groups = new List<string> { MetricGroups.Organisation, MetricGroups.Department(person?.Department) };
        await foreach (var manager in ManagementChain.AboveAsync(person?.ManagerId, async id =>
            _managers.TryGetValue(id, out var above) ? above : _managers[id] = (await directory.FindAsync(id, cancellationToken))?.ManagerId))
        {
            groups.Add(MetricGroups.ManagerTree(manager));
        }
        if (cadenceId is not null)
            groups.Add(MetricGroups.Cadence(cadenceId));
        return groups;
    }

    /// <summary>Occurrences are <c>{cadence}:{date}</c> (docs/architecture.md).</summary>
    public static string? CadenceOf(string? occurrenceId) =>
        occurrenceId?.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? occurrenceId[..colon] : null;

    /// <summary>
    /// A hash, so the rollups hold no pointer to a person's check-in. Each fold hashes the same source text it did before
    /// the events were typed (some spell the outbox item, e.g. <c>snooze-{ticks}</c>): the rows' rings remember these
    /// hashes, so a changed source would count a retried fold twice.
    /// </summary>
    public static string FoldId(string source) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];
}
