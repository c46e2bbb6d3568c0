using CheckinBot.Core.Org;
using CheckinBot.TestKit;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CheckinBot.Core.Tests.Org;

public sealed class TurnGroupMembersTests
{
    private const string Group = "6d1f0c2e-0000-4000-8000-0000000000aa";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IGroupMembers> _source = new();

    private TurnGroupMembers CreateSut() => new(_source.Object, new TurnBound(Options.Create(new TurnLookupOptions()), _time), _time);

    [Fact]
    public async Task AGraphThatDoesNotAnswer_LeavesTheFirstReadAfterTheBound_WithNobodyKnown_AndItsAnswerServesTheNext()
    {
        var answer = new TaskCompletionSource<IReadOnlySet<string>?>();
        _source.Setup(s => s.MemberIdsAsync(Group, It.IsAny<CancellationToken>())).Returns(answer.Task);
        var sut = CreateSut();

        var read = sut.MemberIdsAsync(Group, CancellationToken.None);
        Assert.False(read.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Empty((await read)!);

        answer.SetResult(new HashSet<string> { "adele" });
        var members = await Eventually.ReadAsync(() => sut.MemberIdsAsync(Group, CancellationToken.None), m => m!.Count > 0, "Graph's answer served");
        Assert.Equal(["adele"], members!);
        _source.Verify(s => s.MemberIdsAsync(Group, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AFailedRead_IsNotRepeatedByEveryRead_ButAfterThirtySeconds()
    {
        _source.SetupSequence(s => s.MemberIdsAsync(Group, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Connection refused"))
            .ReturnsAsync(new HashSet<string> { "adele" });
        var sut = CreateSut();

        Assert.Empty((await sut.MemberIdsAsync(Group, CancellationToken.None))!);
        Assert.Empty((await sut.MemberIdsAsync(Group, CancellationToken.None))!);
        _source.Verify(s => s.MemberIdsAsync(Group, It.IsAny<CancellationToken>()), Times.Once);

        _time.Advance(TurnGroupMembers.RetryAfter);
        Assert.Equal(["adele"], (await sut.MemberIdsAsync(Group, CancellationToken.None))!);
    }
}
