using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CheckinBot.Core.GrowthLog;

/// <summary>Supplies the key that signs export links; the same on every instance, so any of them can serve a link.</summary>
public interface ISigningKeyProvider
{
    Task<byte[]> GetKeyAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Short-lived links for <c>export my data</c>: <c>{user}.{expiry}.{hmac}</c>. The link is the only credential for the
/// download, so it expires quickly and cannot be forged or altered to name someone else.
/// </summary>
public sealed class ExportTokens(ISigningKeyProvider keys, TimeProvider timeProvider)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public async Task<string> CreateAsync(string userId, CancellationToken cancellationToken)
    {
        var expires = timeProvider.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var user = Base64Url(Encoding.UTF8.GetBytes(userId));
        return $"{user}.{expires}.{Base64Url(await SignAsync(user, expires, cancellationToken))}";
    }

    /// <summary>The user id the token was made for, or null when it is malformed, forged or expired.</summary>
    public async Task<string?> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return null;
        var expected = await SignAsync(parts[0], parts[1], cancellationToken);
        byte[] given;
        try
        {
            given = FromBase64Url(parts[2]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(expected, given) || timeProvider.GetUtcNow().ToUnixTimeSeconds() > expires)
            return null;
        return Encoding.UTF8.GetString(FromBase64Url(parts[0]));
    }

    private async Task<byte[]> SignAsync(string user, string expires, CancellationToken cancellationToken) =>
        HMACSHA256.HashData(await keys.GetKeyAsync(cancellationToken), Encoding.UTF8.GetBytes($"export|{user}|{expires}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
