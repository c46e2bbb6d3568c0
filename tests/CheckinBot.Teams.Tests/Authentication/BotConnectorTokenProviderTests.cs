using CheckinBot.Teams.Authentication;
using CheckinBot.TestKit;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Teams.Tests.Authentication;

public sealed class BotConnectorTokenProviderTests : IAsyncLifetime
{
    private FakeIdentityProvider _idp = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _idp = await FakeIdentityProvider.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    private BotConnectorTokenProvider CreateSut(BotAppType appType = BotAppType.SingleTenant) => new(
        new HttpClient(),
        Options.Create(new BotOptions { AppId = "app-1", AppPassword = "secret", TenantId = "tenant-1", AppType = appType, Authority = _idp.Authority }),
        _time);

    [Fact]
    public async Task GetToken_WithinLifetime_IsCached()
    {
        using var sut = CreateSut();

        var first = await sut.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(54));
        var second = await sut.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, _idp.TokenRequests);
    }

    [Fact]
    public async Task GetToken_FiveMinutesBeforeExpiry_Refreshes()
    {
        using var sut = CreateSut();

        var first = await sut.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(55) + TimeSpan.FromSeconds(1));
        var second = await sut.GetTokenAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, _idp.TokenRequests);
    }

    [Fact]
    public async Task GetToken_ConcurrentCallers_ShareOneRequest()
    {
        using var sut = CreateSut();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sut.GetTokenAsync(CancellationToken.None)));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, _idp.TokenRequests);
    }

    [Fact]
    public async Task Invalidate_CurrentToken_NextCallFetchesAnew()
    {
        using var sut = CreateSut();

        var first = await sut.GetTokenAsync(CancellationToken.None);
        sut.Invalidate(first!);
        var second = await sut.GetTokenAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task GetToken_LocalMode_ReturnsNullWithoutCallingTheAuthority()
    {
        using var sut = new BotConnectorTokenProvider(new HttpClient(), Options.Create(new BotOptions { Authority = _idp.Authority }), _time);

        Assert.Null(await sut.GetTokenAsync(CancellationToken.None));
        Assert.Equal(0, _idp.TokenRequests);
    }

    [Fact]
    public async Task GetToken_ManagedIdentity_AsksTheIdentityForTheBotConnectorScope_AndNeverTheSecretEndpoint()
    {
        var identity = new Moq.Mock<Azure.Core.TokenCredential>();
        identity.Setup(c => c.GetTokenAsync(Moq.It.IsAny<Azure.Core.TokenRequestContext>(), Moq.It.IsAny<CancellationToken>()))
            .Returns(new ValueTask<Azure.Core.AccessToken>(new Azure.Core.AccessToken("mi-token", _time.GetUtcNow().AddHours(1))));
        using var sut = new BotConnectorTokenProvider(new HttpClient(),
            Options.Create(new BotOptions { AppId = "7c0e2f4a-5b6d-4e8f-9a1b-2c3d4e5f6a7b", TenantId = "tenant-1", AppType = BotAppType.UserAssignedMsi, Authority = _idp.Authority }),
            _time, identity.Object);

        Assert.Equal("mi-token", await sut.GetTokenAsync(CancellationToken.None));
        Assert.Equal("mi-token", await sut.GetTokenAsync(CancellationToken.None)); // cached

        identity.Verify(c => c.GetTokenAsync(Moq.It.Is<Azure.Core.TokenRequestContext>(r => r.Scopes.SequenceEqual(new[] { BotConnectorTokenProvider.Scope })), Moq.It.IsAny<CancellationToken>()), Moq.Times.Once);
        Assert.Equal(0, _idp.TokenRequests);
    }
}
