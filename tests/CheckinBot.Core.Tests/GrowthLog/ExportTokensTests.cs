using CheckinBot.Core.GrowthLog;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.GrowthLog;

public sealed class ExportTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private sealed class FixedKey(byte key) : ISigningKeyProvider
    {
        public Task<byte[]> GetKeyAsync(CancellationToken cancellationToken) => Task.FromResult(Enumerable.Repeat(key, 32).ToArray());
    }

    private ExportTokens CreateSut(byte key = 7) => new(new FixedKey(key), _time);

    [Fact]
    public async Task Validate_FreshToken_ReturnsItsUser()
    {
        var token = await CreateSut().CreateAsync("aad-1", CancellationToken.None);
        Assert.Equal("aad-1", await CreateSut().ValidateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Validate_AfterLifetime_IsRejected()
    {
        var token = await CreateSut().CreateAsync("aad-1", CancellationToken.None);
        _time.Advance(ExportTokens.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Null(await CreateSut().ValidateAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Validate_UserSwapped_IsRejected()
    {
        var token = await CreateSut().CreateAsync("aad-1", CancellationToken.None);
        var other = await CreateSut().CreateAsync("aad-2", CancellationToken.None);
        var forged = other.Split('.')[0] + token[token.IndexOf('.', StringComparison.Ordinal)..];
        Assert.Null(await CreateSut().ValidateAsync(forged, CancellationToken.None));
    }

    [Fact]
    public async Task Validate_ExpiryExtended_IsRejected()
    {
        var parts = (await CreateSut().CreateAsync("aad-1", CancellationToken.None)).Split('.');
        Assert.Null(await CreateSut().ValidateAsync($"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 3600}.{parts[2]}", CancellationToken.None));
    }

    [Fact]
    public async Task Validate_OtherKey_IsRejected()
    {
        var token = await CreateSut(key: 1).CreateAsync("aad-1", CancellationToken.None);
        Assert.Null(await CreateSut(key: 2).ValidateAsync(token, CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c")]
    [InlineData("YQ.123.!!!")]
    public async Task Validate_Garbage_IsRejected(string? token) =>
        Assert.Null(await CreateSut().ValidateAsync(token, CancellationToken.None));
}
