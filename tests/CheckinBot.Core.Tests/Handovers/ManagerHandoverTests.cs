using CheckinBot.Core.Handovers;

namespace CheckinBot.Core.Tests.Handovers;

public sealed class ManagerHandoverTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static ManagerHandover Detected(string? former = "megan") => new() { Id = "h1", PersonId = "alex", FormerManagerId = former, NewManagerId = "patti", DetectedAt = At };

    [Fact]
    public void Steps_AskFirst_ThenTellTheFormerManager_AndHandOverOnlyAfterAYes()
    {
        var handover = Detected();
        Assert.Equal(HandoverStep.AskPerson, handover.NextStep);

        handover = handover.ClaimedTill(At.AddMinutes(2)).Sent(HandoverStep.AskPerson, At);
        Assert.Equal((HandoverStep.TellFormerManager, 0, (DateTimeOffset?)null), (handover.NextStep!.Value, handover.Attempts, handover.ClaimedUntil));

        handover = handover.Sent(HandoverStep.TellFormerManager, At);
        Assert.False(handover.IsPending); // no answer: nothing moves
        Assert.False((handover with { Consented = false }).IsPending);
        Assert.Equal(HandoverStep.HandOver, (handover with { Consented = true }).NextStep);
        Assert.False((handover with { Consented = true }).Sent(HandoverStep.HandOver, At).IsPending);
    }

    [Fact]
    public void WithoutAFormerManager_ThereIsNobodyToTell() =>
        Assert.Null(Detected(former: null).Sent(HandoverStep.AskPerson, At).NextStep);
}
