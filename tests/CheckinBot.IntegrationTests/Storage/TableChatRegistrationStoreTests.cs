using CheckinBot.Core.Registrations;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.IntegrationTests.Storage;

/// <summary>The registration store's ETag contract and the service's race handling, on real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableChatRegistrationStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BotHost _bot = new(azurite, new BotHostOptions { AlexInstalled = false });

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    private IChatRegistrationStore Store => _bot.Services.GetRequiredService<IChatRegistrationStore>();

    private static ChatRegistration Registration(string userId) => new()
    {
        UserId = userId,
        TenantId = "tenant-1",
        ChannelUserId = "29:x",
        DisplayName = "Alex",
        ConversationId = "a:conv",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        TimeZone = "Europe/Berlin",
        InstalledAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task SaveAndFind_RoundTripsEveryField()
    {
        var registration = Registration("user-a") with { Status = RegistrationStatus.Unreachable, StatusReason = "MessageWritesBlocked", WelcomedAt = new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero) };

        Assert.True(await Store.TrySaveAsync(registration, CancellationToken.None));
        var found = await Store.FindAsync("user-a", CancellationToken.None);

        Assert.NotNull(found?.Version);
        Assert.Equal(registration, found with { Version = null });
    }

    [Fact]
    public async Task Insert_WhenAlreadyThere_ReturnsFalse()
    {
        Assert.True(await Store.TrySaveAsync(Registration("user-b"), CancellationToken.None));
        Assert.False(await Store.TrySaveAsync(Registration("user-b") with { DisplayName = "Other" }, CancellationToken.None));
        Assert.Equal("Alex", (await Store.FindAsync("user-b", CancellationToken.None))!.DisplayName);
    }

    [Fact]
    public async Task Update_WithStaleVersion_ReturnsFalseAndKeepsTheWinner()
    {
        await Store.TrySaveAsync(Registration("user-c"), CancellationToken.None);
        var read = (await Store.FindAsync("user-c", CancellationToken.None))!;

        Assert.True(await Store.TrySaveAsync(read with { DisplayName = "First" }, CancellationToken.None));
        Assert.False(await Store.TrySaveAsync(read with { DisplayName = "Second" }, CancellationToken.None));
        Assert.Equal("First", (await Store.FindAsync("user-c", CancellationToken.None))!.DisplayName);
    }

    [Fact]
    public async Task Find_Unknown_ReturnsNull() =>
        Assert.Null(await Store.FindAsync("nobody", CancellationToken.None));

    [Fact]
    public async Task RecordSeen_ManyConcurrentInstallEvents_WelcomeExactlyOnce()
    {
        var service = _bot.Services.GetRequiredService<ChatRegistrationService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            service.RecordSeenAsync(Registration("user-d"), isInstallEvent: true, CancellationToken.None)));

        Assert.Single(results, r => r.ShouldWelcome);
        Assert.Equal(RegistrationStatus.Active, (await Store.FindAsync("user-d", CancellationToken.None))!.Status);
    }
}
