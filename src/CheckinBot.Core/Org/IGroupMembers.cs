namespace CheckinBot.Core.Org;

/// <summary>Who is in an Entra group, transitively, for cadence audiences.</summary>
public interface IGroupMembers
{
    /// <summary>The members' object ids (lower case); null when this source does not know groups, and each person's own <see cref="Person.GroupIds"/> apply.</summary>
    Task<IReadOnlySet<string>?> MemberIdsAsync(string groupId, CancellationToken cancellationToken);
}
