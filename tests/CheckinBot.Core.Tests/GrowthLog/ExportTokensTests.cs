using System.Collections.Concurrent;
using System.Text;
using CheckinBot.Core.GrowthLog;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.GrowthLog;

public sealed class ExportTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Keys _keys = new();
    private readonly Grants _grants = new();

    private sealed class Keys : ISigningKeyProvider
    {
        public List<SigningKey> All { get; } = [new(1, Enumerable.Repeat((byte)7, 32).ToArray())];

        public Task<SigningKey> GetCurrentAsync(CancellationToken cancellationToken) => Task.FromResult(All[^1]);

        public Task<SigningKey?> FindAsync(int id, CancellationToken cancellationToken) => Task.FromResult(All.FirstOrDefault(k => k.Id == id));
    }

    private sealed class Grants : IExportGrantStore
    {
        public ConcurrentDictionary<string, string> ByUser { get; } = new();

        public Task<string> GetOrCreateAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(ByUser.GetOrAdd(userId, _ => Guid.NewGuid().ToString("N")));

        public Task<string?> FindAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(ByUser.GetValueOrDefault(userId));
    }

    private ExportTokens CreateSut() => new(_keys, _grants, _time);

    [Fact]
    public async Task Validate_FreshToken_ReturnsItsUser_WhoseIdIsNotReadableInIt()
    {
        var token = await CreateSut().CreateAsync("aad-1", CancellationToken.None);

        Assert.Equal("aad-1", await CreateSut().ValidateAsync(token, CancellationToken.None));
        var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - token.Length % 4) % 4));
        Assert.DoesNotContain("aad-1", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("YWFkLTE", token, StringComparison.Ordinal); // nor its base64
    }

    [Fact]
    public async Task Validate_AfterLifetime_IsRejected()
    {
        var token = await CreateSut().CreateAsync("aad-1", CancellationToken.None);
        _time.Advance(ExportTokens.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Null(await CreateSut().ValidateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Validate_AnyByteChanged_IsRejected()
    {
        var token = await CreateSut().CreateAsync("aad-1", CancellationToken.None);
        for (var i = 6; i < token.Length; i += 7)
        {
            var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Null(await CreateSut().ValidateAsync(tampered, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Validate_AfterTheGrantWasErased_IsRejected_EvenForALinkIssuedAMomentBefore()
    {
        var token = await CreateSut().CreateAsync("aad-1", CancellationToken.None);
        _grants.ByUser.TryRemove("aad-1", out _); // delete my data
        Assert.Null(await CreateSut().ValidateAsync(token, CancellationToken.None));

        await CreateSut().CreateAsync("aad-1", CancellationToken.None); // a new export makes a new grant
        Assert.Null(await CreateSut().ValidateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Rotation_NewLinksUseTheNewKey_OldOnesWorkUntilTheirKeyIsRetired()
    {
        var old = await CreateSut().CreateAsync("aad-1", CancellationToken.None);
        _keys.All.Add(new SigningKey(2, Enumerable.Repeat((byte)9, 32).ToArray()));
        var fresh = await CreateSut().CreateAsync("aad-1", CancellationToken.None);

        Assert.Equal("aad-1", await CreateSut().ValidateAsync(old, CancellationToken.None));
        _keys.All.RemoveAt(0);
        Assert.Null(await CreateSut().ValidateAsync(old, CancellationToken.None));
        Assert.Equal("aad-1", await CreateSut().ValidateAsync(fresh, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("AAAAAQ")]
    [InlineData("AAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("!!!")]
    public async Task Validate_Garbage_IsRejected(string? token) =>
        Assert.Null(await CreateSut().ValidateAsync(token, CancellationToken.None));
}
