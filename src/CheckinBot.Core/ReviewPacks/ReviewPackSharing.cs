using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.ReviewPacks;

/// <summary>
/// Share, from chat or the Growth tab alike: marks the pack shared with the person's current manager and sends them a
/// card with a link to their copy (without lines from private check-ins).
/// </summary>
public sealed class ReviewPackSharing(ReviewPackService packs, ReviewPackLinks links, IOrgDirectory directory, IPersonMessenger messenger)
{
    /// <summary>Null when there is no such pack; <see cref="ReviewPackShare.ManagerName"/> null when the directory lists no manager.</summary>
    public async Task<ReviewPackShare?> ShareAsync(string userId, string packId, Uri botBaseUri, CancellationToken cancellationToken)
    {
        if (await packs.OpenAsync(userId, packId, forManager: false, cancellationToken) is not { } own)
            return null;
        if (await packs.ShareAsync(userId, packId, cancellationToken) is not var (pack, managerId))
            return new ReviewPackShare(null, 0);
        var managerCopy = own.ManagersCopy();
        var link = await links.CreateAsync(botBaseUri, userId, packId, forManager: true, cancellationToken);
        await messenger.SendAsync(managerId, new ReviewPackSharedMessage(own.PersonName, pack.From, pack.To, managerCopy.Entries.Count, link), cancellationToken);
        return new ReviewPackShare((await directory.FindAsync(managerId, cancellationToken))?.Name ?? "your manager", own.Entries.Count - managerCopy.Entries.Count);
    }
}
