namespace CheckinBot.Core.Org;

/// <summary>Group membership as the org directory records it on each person (the org CSV's <c>groups</c> column).</summary>
public sealed class GroupsFromDirectory : IGroupMembers
{
    public Task<IReadOnlySet<string>?> MemberIdsAsync(string groupId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>?>(null);
}
