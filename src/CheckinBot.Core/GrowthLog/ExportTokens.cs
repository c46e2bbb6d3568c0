using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CheckinBot.Core.GrowthLog;

/// <summary>
/// Links to what a person takes out of their log: <c>export my data</c> (15 minutes) and a review pack (the person's
/// own, or the copy they shared with their manager). The token is AES-GCM sealed (so the person's id is not readable
/// in it, and it cannot be forged or altered): key id, nonce, then <c>{user}|{expiry}|{grant}|{resource}</c> encrypted.
/// A link works only for the resource it names, while it is unexpired, its key is still known, and the person's export
/// grant is the one it was made with: <c>delete my data</c> removes the grant, so every link dies at once.
/// </summary>
public sealed class ExportTokens(ISigningKeyProvider keys, IExportGrantStore grants, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>The resource of an <c>export my data</c> link (and of every link made before links named one).</summary>
    public const string ExportResource = "export";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("checkinbot-export-v2");

    public Task<string> CreateAsync(string userId, CancellationToken cancellationToken) => CreateAsync(userId, ExportResource, Lifetime, cancellationToken);

    public async Task<string> CreateAsync(string userId, string resource, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = await keys.GetCurrentAsync(cancellationToken);
        var grant = await grants.GetOrCreateAsync(userId, cancellationToken);
        var expires = timeProvider.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var plain = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{userId}|{expires}|{grant}|{resource}"));
        var token = new byte[4 + NonceSize + plain.Length + TagSize];
        BinaryPrimitives.WriteInt32BigEndian(token, key.Id);
        var nonce = token.AsSpan(4, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, TagSize);
        aes.Encrypt(nonce, plain, token.AsSpan(4 + NonceSize, plain.Length), token.AsSpan(4 + NonceSize + plain.Length), Purpose);
        return Base64Url(token);
    }

    /// <summary>The user an export link was made for, or null when it is malformed, forged, expired, retired or revoked.</summary>
    public Task<string?> ValidateAsync(string? token, CancellationToken cancellationToken) => ValidateAsync(token, ExportResource, cancellationToken);

    /// <summary>The user a link to <paramref name="resource"/> was made for, or null (also when it names another resource).</summary>
    public async Task<string?> ValidateAsync(string? token, string resource, CancellationToken cancellationToken)
    {
        if (FromBase64Url(token) is not { Length: > 4 + NonceSize + TagSize } bytes
            || await keys.FindAsync(BinaryPrimitives.ReadInt32BigEndian(bytes), cancellationToken) is not { } key)
        {
            return null;
        }
        var plain = new byte[bytes.Length - 4 - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key.Key, TagSize);
            aes.Decrypt(bytes.AsSpan(4, NonceSize), bytes.AsSpan(4 + NonceSize, plain.Length), bytes.AsSpan(bytes.Length - TagSize), plain, Purpose);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        var parts = Encoding.UTF8.GetString(plain).Split('|', 4);
        if (parts.Length < 3 || (parts.Length == 4 ? parts[3] : ExportResource) != resource
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || timeProvider.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return null;
        }
        return await grants.FindAsync(parts[0], cancellationToken) == parts[2] ? parts[0] : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
            return null;
        var padded = text.Replace('-', '+').Replace('_', '/');
        try
        {
            return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
