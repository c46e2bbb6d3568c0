using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Core.ReviewPacks;

/// <summary>
/// Links to a review pack's Word document: the person's own copy (15 minutes, like an export) or the copy they shared
/// with their manager (30 days). Sealed like export links (<see cref="ExportTokens"/>), each for one pack and one copy,
/// so both die with <c>delete my data</c>, which removes the grant every link is sealed with.
/// </summary>
public sealed class ReviewPackLinks(ExportTokens tokens)
{
    public static readonly TimeSpan ManagerLinkLifetime = TimeSpan.FromDays(30);

    public async Task<Uri> CreateAsync(Uri botBaseUri, string userId, string packId, bool forManager, CancellationToken cancellationToken)
    {
        var token = await tokens.CreateAsync(userId, Resource(packId, forManager), forManager ? ManagerLinkLifetime : ExportTokens.Lifetime, cancellationToken);
        return new Uri(botBaseUri, $"api/review-pack/{packId}/{token}" + (forManager ? "?copy=manager" : ""));
    }

    /// <summary>Whose pack a link opens, or null when it is not a live link to that pack's copy.</summary>
    public Task<string?> ValidateAsync(string packId, string token, bool forManager, CancellationToken cancellationToken) =>
        tokens.ValidateAsync(token, Resource(packId, forManager), cancellationToken);

    private static string Resource(string packId, bool forManager) => (forManager ? "reviewpack-manager:" : "reviewpack:") + packId;
}
