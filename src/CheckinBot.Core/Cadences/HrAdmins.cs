using System.Collections.Concurrent;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// Who is an HR admin: listed in <c>Hr:AdminUserIds</c>, or a member of the Entra group <c>Hr:AdminGroupId</c> (read
/// through Graph's transitive members where the directory is Graph, else from each person's groups in the org CSV).
/// </summary>
public sealed class HrAdmins(IOptions<HrOptions> options, IGroupMembers groupMembers, IOrgDirectory directory, TimeProvider timeProvider)
{
    /// <summary>A member added to or removed from the group counts within this long, without a Graph call per message.</summary>
    internal static readonly TimeSpan GroupMembersFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (IReadOnlySet<string>? Members, DateTimeOffset ReadAt)> _groups = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> IsAdminAsync(string userId, CancellationToken cancellationToken)
    {
        var hr = options.Value;
        if (hr.IsAdmin(userId))
            return true;
        if (string.IsNullOrWhiteSpace(hr.AdminGroupId))
            return false;
        var groupId = hr.AdminGroupId.Trim().ToLowerInvariant();
        var members = await MembersAsync(groupId, cancellationToken);
        if (members is not null)
            return members.Contains(userId.ToLowerInvariant());
        return (await directory.FindAsync(userId, cancellationToken))?.GroupIds.Contains(groupId, StringComparer.OrdinalIgnoreCase) == true;
    }

    private async Task<IReadOnlySet<string>?> MembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_groups.TryGetValue(groupId, out var known) && now - known.ReadAt < GroupMembersFor)
            return known.Members;
        var members = await groupMembers.MemberIdsAsync(groupId, cancellationToken);
        _groups[groupId] = (members, now);
        return members;
    }
}
