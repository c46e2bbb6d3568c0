using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CheckinBot.Core.Tests.Cadences;

public sealed class HrAdminsTests
{
    private const string Group = "6d1f0c2e-0000-4000-8000-0000000000aa";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IGroupMembers> _graphGroups = new();

    private static InMemoryOrgDirectory Directory() => new(
    [
        new Person { Id = "adele", GroupIds = [Group] },
        new Person { Id = "alex" },
    ]);

    private HrAdmins CreateSut(string? group, params string[] listed)
    {
        var options = new HrOptions { AdminGroupId = group };
        foreach (var id in listed)
            options.AdminUserIds.Add(id);
        return new HrAdmins(Options.Create(options), new TurnGroupMembers(_graphGroups.Object, new TurnBound(Options.Create(new TurnLookupOptions()), _time), _time), Directory());
    }

    [Fact]
    public async Task ListedUser_IsAdmin_WithoutAGroup()
    {
        var sut = CreateSut(group: null, "megan");

        Assert.True(await sut.IsAdminAsync("megan", CancellationToken.None));
        Assert.False(await sut.IsAdminAsync("alex", CancellationToken.None));
    }

    [Fact]
    public async Task GroupFromTheOrgCsv_MemberIsAdmin_OthersAreNot()
    {
        _graphGroups.Setup(g => g.MemberIdsAsync(Group, It.IsAny<CancellationToken>())).ReturnsAsync((IReadOnlySet<string>?)null);
        var sut = CreateSut(Group);

        Assert.True(await sut.IsAdminAsync("adele", CancellationToken.None));
        Assert.False(await sut.IsAdminAsync("alex", CancellationToken.None));
        Assert.False(await sut.IsAdminAsync("nobody-known", CancellationToken.None));
    }

    [Fact]
    public async Task GroupFromGraph_MembersAreReadOnceForFiveMinutes_ThenAgainInTheBackground()
    {
        _graphGroups.SetupSequence(g => g.MemberIdsAsync(Group, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HashSet<string> { "alex" })
            .ReturnsAsync(new HashSet<string>());
        var sut = CreateSut(Group.ToUpperInvariant());

        Assert.True(await sut.IsAdminAsync("ALEX", CancellationToken.None));
        Assert.False(await sut.IsAdminAsync("adele", CancellationToken.None)); // Graph's answer, not the CSV's, counts
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await sut.IsAdminAsync("alex", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await sut.IsAdminAsync("alex", CancellationToken.None)); // the old answer serves while Graph is read again
        Assert.False(await sut.IsAdminAsync("alex", CancellationToken.None)); // removed from the group meanwhile

        _graphGroups.Verify(g => g.MemberIdsAsync(Group, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
