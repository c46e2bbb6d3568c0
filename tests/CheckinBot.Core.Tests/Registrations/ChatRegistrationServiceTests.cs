using CheckinBot.Core.Registrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Registrations;

public sealed class ChatRegistrationServiceTests
{
    private readonly InMemoryChatRegistrationStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private ChatRegistrationService CreateSut() => new(_store, _time, NullLogger<ChatRegistrationService>.Instance);

    private static ChatRegistration Observed(string serviceUrl = "https://smba.trafficmanager.net/emea/", string? timeZone = "Europe/Berlin") => new()
    {
        UserId = "aad-1",
        TenantId = "tenant-1",
        ChannelUserId = "29:abc",
        DisplayName = "Alex Wilber",
        ConversationId = "a:conv",
        ServiceUrl = serviceUrl,
        TimeZone = timeZone,
    };

    [Fact]
    public async Task RecordSeen_FirstContact_StoresRegistrationAndWelcomes()
    {
        var result = await CreateSut().RecordSeenAsync(Observed(), isInstallEvent: false, CancellationToken.None);

        Assert.True(result.ShouldWelcome);
        var stored = await _store.FindAsync("aad-1", CancellationToken.None);
        Assert.Equal(RegistrationStatus.Active, stored!.Status);
        Assert.Equal(_time.GetUtcNow(), stored.InstalledAt);
        Assert.Equal(_time.GetUtcNow(), stored.WelcomedAt);
        Assert.Equal("Europe/Berlin", stored.TimeZone);
    }

    [Fact]
    public async Task RecordSeen_SecondInstallEventMomentsLater_DoesNotWelcomeTwice()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));

        var second = await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);

        Assert.False(second.ShouldWelcome);
    }

    [Fact]
    public async Task RecordSeen_InstallEventLongAfterLastWelcome_WelcomesAgain()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        Assert.True((await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None)).ShouldWelcome);
    }

    [Fact]
    public async Task RecordSeen_OrdinaryMessageFromActivePerson_NeitherWelcomesNorWrites()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));

        var result = await sut.RecordSeenAsync(Observed(), isInstallEvent: false, CancellationToken.None);

        Assert.False(result.ShouldWelcome);
        Assert.Equal(1, _store.Writes);
    }

    [Fact]
    public async Task RecordSeen_ServiceUrlChanged_IsUpdated()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);

        await sut.RecordSeenAsync(Observed(serviceUrl: "https://smba.trafficmanager.net/amer/"), isInstallEvent: false, CancellationToken.None);

        Assert.Equal("https://smba.trafficmanager.net/amer/", (await _store.FindAsync("aad-1", CancellationToken.None))!.ServiceUrl);
    }

    [Fact]
    public async Task RecordSeen_UnknownTimeZone_KeepsTheKnownOne()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);

        await sut.RecordSeenAsync(Observed(timeZone: "Not/AZone"), isInstallEvent: false, CancellationToken.None);

        Assert.Equal("Europe/Berlin", (await _store.FindAsync("aad-1", CancellationToken.None))!.TimeZone);
    }

    [Fact]
    public async Task RecordSeen_UnreachablePersonWritesAgain_BecomesActiveAndIsWelcomedBack()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);
        await sut.MarkUnreachableAsync("aad-1", "MessageWritesBlocked", CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(3));

        var result = await sut.RecordSeenAsync(Observed(), isInstallEvent: false, CancellationToken.None);

        Assert.True(result.ShouldWelcome);
        Assert.Equal(RegistrationStatus.Active, result.Registration.Status);
        Assert.Null(result.Registration.StatusReason);
    }

    [Fact]
    public async Task RecordSeen_LosesRaceToAnotherInstance_RetriesOnFreshDataAndWelcomesOnce()
    {
        var sut = CreateSut();
        // Another instance handles the duplicate install event between our read and our write.
        _store.BeforeNextSave = () => _store.Put(Observed() with { InstalledAt = _time.GetUtcNow(), WelcomedAt = _time.GetUtcNow() });

        var result = await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);

        Assert.False(result.ShouldWelcome);
        Assert.Equal(RegistrationStatus.Active, result.Registration.Status);
    }

    [Fact]
    public async Task MarkUninstalled_KnownPerson_SetsStatus()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);

        await sut.MarkUninstalledAsync("aad-1", CancellationToken.None);

        Assert.Equal(RegistrationStatus.Uninstalled, (await _store.FindAsync("aad-1", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task MarkUnreachable_UnknownPerson_WritesNothing()
    {
        await CreateSut().MarkUnreachableAsync("nobody", "ConversationNotFound", CancellationToken.None);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task RecordSeen_MessagesMomentsApart_ReadStorageOnlyAgainAfterAMinute()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);
        var reads = _store.Reads;

        _time.Advance(TimeSpan.FromSeconds(20));
        await sut.RecordSeenAsync(Observed(), isInstallEvent: false, CancellationToken.None);
        Assert.Equal(reads, _store.Reads);

        _time.Advance(TimeSpan.FromSeconds(50));
        await sut.RecordSeenAsync(Observed(), isInstallEvent: false, CancellationToken.None);
        Assert.Equal(reads + 1, _store.Reads);
        Assert.Equal(1, _store.Writes);
    }

    [Fact]
    public async Task RecordSeen_MomentsAfterBeingMarkedUnreachable_IsActiveAgain()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);
        await sut.MarkUnreachableAsync("aad-1", "ConversationNotFound", CancellationToken.None);

        await sut.RecordSeenAsync(Observed(), isInstallEvent: false, CancellationToken.None);

        Assert.Equal(RegistrationStatus.Active, (await _store.FindAsync("aad-1", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task RecordSeen_MomentsAfterTheRegistrationWasDeleted_RegistersAgain()
    {
        var sut = CreateSut();
        await sut.RecordSeenAsync(Observed(), isInstallEvent: true, CancellationToken.None);
        await sut.DeleteAsync("aad-1", CancellationToken.None);

        var result = await sut.RecordSeenAsync(Observed(), isInstallEvent: false, CancellationToken.None);

        Assert.True(result.ShouldWelcome);
        Assert.NotNull(await _store.FindAsync("aad-1", CancellationToken.None));
    }
}
