namespace CheckinBot.Core.GrowthLog;

/// <summary>A 256-bit key with its id, so keys can be rotated while links made with the previous one are told apart.</summary>
public sealed record SigningKey(int Id, byte[] Key);

/// <summary>Supplies the keys that protect export links; the same on every instance, so any of them can serve a link.</summary>
public interface ISigningKeyProvider
{
    /// <summary>The newest key: new links are made with it.</summary>
    Task<SigningKey> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>A key by id; null once it has been retired (links made with it then fail).</summary>
    Task<SigningKey?> FindAsync(int id, CancellationToken cancellationToken);
}
