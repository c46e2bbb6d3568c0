using CheckinBot.Core.Org;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// Who is an HR admin: listed in <c>Hr:AdminUserIds</c>, or a member of the Entra group <c>Hr:AdminGroupId</c> (read
/// through Graph's transitive members where the directory is Graph, remembered and bounded on a turn as
/// <see cref="TurnGroupMembers"/> says; else from each person's groups in the org CSV).
/// </summary>
public sealed class HrAdmins(IOptions<HrOptions> options, TurnGroupMembers groupMembers, IOrgDirectory directory)
{
    public async Task<bool> IsAdminAsync(string userId, CancellationToken cancellationToken)
    {
        var hr = options.Value;
        if (hr.IsAdmin(userId))
            return true;
        if (string.IsNullOrWhiteSpace(hr.AdminGroupId))
            return false;
        var groupId = hr.AdminGroupId.Trim().ToLowerInvariant();
        var members = await groupMembers.MemberIdsAsync(groupId, cancellationToken);
        if (members is not null)
            return members.Contains(userId.ToLowerInvariant());
        return (await directory.FindAsync(userId, cancellationToken))?.GroupIds.Contains(groupId, StringComparer.OrdinalIgnoreCase) == true;
    }
}
