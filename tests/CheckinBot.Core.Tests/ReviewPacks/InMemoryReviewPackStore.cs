using CheckinBot.Core.ReviewPacks;

namespace CheckinBot.Core.Tests.ReviewPacks;

/// <summary>Review packs in memory, with versions like ETags.</summary>
internal sealed class InMemoryReviewPackStore : IReviewPackStore
{
    private readonly Dictionary<(string, string), ReviewPack> _packs = [];
    private int _version;

    public void Erase(string userId)
    {
        lock (_packs)
        {
            foreach (var key in _packs.Keys.Where(k => k.Item1 == userId).ToList())
                _packs.Remove(key);
        }
    }

    public Task<ReviewPack?> FindReviewPackAsync(string userId, string packId, CancellationToken cancellationToken)
    {
        lock (_packs)
            return Task.FromResult(_packs.GetValueOrDefault((userId, packId)));
    }

    public Task<bool> TrySaveReviewPackAsync(ReviewPack pack, CancellationToken cancellationToken)
    {
        lock (_packs)
        {
            if (_packs.GetValueOrDefault((pack.UserId, pack.Id))?.Version != pack.Version)
                return Task.FromResult(false);
            _packs[(pack.UserId, pack.Id)] = pack with { Version = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return Task.FromResult(true);
        }
    }
}
