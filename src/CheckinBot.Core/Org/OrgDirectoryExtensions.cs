namespace CheckinBot.Core.Org;

public static class OrgDirectoryExtensions
{
    /// <summary>True when <paramref name="managerId"/> is the person's manager right now (the privacy check for every manager read).</summary>
    public static async Task<bool> IsCurrentManagerAsync(this IOrgDirectory directory, string managerId, string personId, CancellationToken cancellationToken) =>
        await directory.FindAsync(personId, cancellationToken) is { ManagerId: { } current } && current == managerId;
}
