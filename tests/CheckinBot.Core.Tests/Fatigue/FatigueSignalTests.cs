using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Fatigue;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Tests.Fatigue;

/// <summary>The fatigue signal on hand-made histories of four weekly occurrences.</summary>
public sealed class FatigueSignalTests
{
    private static readonly DateTimeOffset FirstDue = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly AskedOccurrence[] FourWeeks = [.. Enumerable.Range(0, 4).Select(w => new AskedOccurrence($"weekly:{FirstDue.AddDays(7 * w):yyyy-MM-dd}", FirstDue.AddDays(7 * w)))];

    private static CheckinRecord Answered(AskedOccurrence occurrence, TimeSpan after, string win) => new()
    {
        UserId = "alex", CheckinId = occurrence.OccurrenceId, QuestionSetId = "default", QuestionSetVersion = 1, OccurrenceId = occurrence.OccurrenceId,
        StartedAt = occurrence.DueAt + after - TimeSpan.FromMinutes(5), CompletedAt = occurrence.DueAt + after, SharedWithManager = false,
        Answers = [new CheckinAnswer("win", QuestionPurpose.Win, "What went well?", new TextAnswer(win))],
    };

    [Fact]
    public void SomeoneWhoAnswersEveryWeek_IsNotTired()
    {
        var reading = FatigueSignal.Read(FourWeeks, [.. FourWeeks.Select(o => Answered(o, TimeSpan.FromHours(2), "Shipped the importer and paired on the release"))], null);

        Assert.Equal((4, 4, 0, 0, false), (reading.Asked, reading.Answered, reading.Skipped, reading.Snoozed, reading.IsTired));
        Assert.Equal(2, reading.MedianHoursToAnswer);
    }

    [Fact]
    public void SomeoneWhoSnoozesThreeTimes_IsTired()
    {
        var preferences = new CheckinPreferences { UserId = "alex", RecentSnoozes = [FirstDue.AddHours(1), FirstDue.AddDays(7), FirstDue.AddDays(14)] };

        var reading = FatigueSignal.Read(FourWeeks, [.. FourWeeks.Select(o => Answered(o, TimeSpan.FromHours(30), "Fine week, nothing special to report"))], preferences);

        Assert.True(reading.IsTired);
        Assert.Equal("you answered 4 of your last 4 check-ins, skipped 0 and snoozed 3", reading.Figures);
    }

    [Fact]
    public void SomeoneWhoseAnswersShrink_IsTired()
    {
        string[] wins = ["Shipped the importer and paired with Isaiah on the release notes", "Ran the retro and wrote up the actions for the team", "ok", "-"];

        var reading = FatigueSignal.Read(FourWeeks, [.. FourWeeks.Select((o, i) => Answered(o, TimeSpan.FromHours(2), wins[i]))], null);

        Assert.True(reading.AnswersShrinking);
        Assert.True(reading.IsTired);
    }

    [Fact]
    public void SomeoneWhoAnswersOneOfFour_OrSkipsTheRest_IsTired()
    {
        var preferences = new CheckinPreferences { UserId = "alex", SkippedOccurrenceIds = [FourWeeks[1].OccurrenceId] };

        var reading = FatigueSignal.Read(FourWeeks, [Answered(FourWeeks[0], TimeSpan.FromHours(1), "A good week")], preferences);

        Assert.Equal((1, 1, true), (reading.Answered, reading.Skipped, reading.IsTired));
    }

    [Fact]
    public void TooLittleHistory_SaysNothing()
    {
        Assert.False(FatigueSignal.Read(FourWeeks[..3], [], null).IsTired);
        Assert.False(FatigueSignal.Read([], [], null).EnoughHistory);
    }
}
