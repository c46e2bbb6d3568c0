using CheckinBot.Core.Cadences;
using CheckinBot.Core.Runs;

namespace CheckinBot.Core.Tests.Cadences;

public sealed class JourneyCalendarTests
{
    private static readonly JourneyStep Day1 = new() { Day = 1, QuestionSetId = "onboarding-1" };
    private static readonly JourneyStep Day30 = new() { Day = 30, QuestionSetId = "onboarding-30" };
    private static readonly JourneyStep Day60 = new() { Day = 60, QuestionSetId = "onboarding-60" };
    private static readonly JourneyStep Day90 = new() { Day = 90, QuestionSetId = "onboarding-90" };

    private static CadenceSchedule Journey(params DateOnly[] skipDates) => new()
    {
        Frequency = CadenceFrequency.Journey, LocalTime = "09:30", TimeZone = "Europe/Berlin", SkipDates = skipDates, Steps = [Day1, Day30, Day60, Day90],
    };

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Steps_FallTheirDaysAfterTheHireDate_WeekendsMovedToMonday()
    {
        var hired = D(2026, 9, 7); // a Monday
        var path = JourneyCalendar.Path(Journey(), hired, D(2026, 10, 7));

        Assert.Equal([D(2026, 9, 8), D(2026, 10, 7), D(2026, 11, 6), D(2026, 12, 7)], path.Steps.Select(s => s.Date)); // day 90 is a Sunday
        Assert.Equal(30, path.DayNumber);
        Assert.Equal(90, path.LastDay);
        Assert.False(path.Finished);
    }

    [Fact]
    public void HireDatesAtMonthEnds_CountCalendarDays()
    {
        // 29 January + 30 days is Saturday 28 February (no 29th in 2026): the step moves to Monday 2 March.
        Assert.Equal(D(2026, 3, 2), JourneyCalendar.StepDate(Journey(), D(2026, 1, 29), Day30));
        // Hired on Saturday 31 January: day 1 is Sunday, so Monday 2 February; day 30 is Monday 2 March.
        Assert.Equal(D(2026, 2, 2), JourneyCalendar.StepDate(Journey(), D(2026, 1, 31), Day1));
        Assert.Equal(D(2026, 3, 2), JourneyCalendar.StepDate(Journey(), D(2026, 1, 31), Day30));
    }

    [Fact]
    public void SkipDates_MoveAStepToTheNextWorkingDay()
    {
        // Day 30 from 24 November is Thursday 24 December; the 24th and 25th are skipped, then a weekend.
        var schedule = Journey(D(2026, 12, 24), D(2026, 12, 25));

        Assert.Equal(D(2026, 12, 28), JourneyCalendar.StepDate(schedule, D(2026, 11, 24), Day30));
        Assert.Null(JourneyCalendar.StepOn(schedule, D(2026, 11, 24), D(2026, 12, 24)));
        Assert.Equal(Day30, JourneyCalendar.StepOn(schedule, D(2026, 11, 24), D(2026, 12, 28)));
        Assert.DoesNotContain(CadenceCalendar.Cycles(schedule, D(2026, 12, 21), D(2026, 12, 31)), c => c.Date == D(2026, 12, 24) || c.Date.DayOfWeek == DayOfWeek.Saturday);
    }

    [Fact]
    public void StepsAcrossADaylightSavingChange_AreDueAtTheLocalTime()
    {
        var schedule = Journey() with { Steps = [Day30, new JourneyStep { Day = 33, QuestionSetId = "onboarding-30" }] };
        var cadence = new Cadence { Id = "onboarding", Name = "Onboarding", Schedule = schedule };
        var hired = D(2026, 2, 25);
        DateTimeOffset DueOn(DateOnly date) => PersonDue.For(cadence, CadenceCalendar.Cycles(schedule, date, date).Single(), hired, "Europe/Berlin")!.DueAtUtc;

        Assert.Equal(D(2026, 3, 27), JourneyCalendar.StepDate(schedule, hired, Day30));
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 8, 30, 0, TimeSpan.Zero), DueOn(D(2026, 3, 27))); // 09:30 CET
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 30, 0, TimeSpan.Zero), DueOn(D(2026, 3, 30))); // 09:30 CEST
    }

    [Fact]
    public void AHireDateInTheFuture_HasNoStepUntilItsDaysCome()
    {
        var hired = D(2027, 1, 4);

        Assert.Null(JourneyCalendar.StepOn(Journey(), hired, D(2026, 12, 7)));
        Assert.Equal(Day1, JourneyCalendar.StepOn(Journey(), hired, D(2027, 1, 5)));
        Assert.Equal(-28, JourneyCalendar.Path(Journey(), hired, D(2026, 12, 7)).DayNumber);
    }

    [Fact]
    public void AChangedHireDate_MovesTheStep_UnderTheSameOccurrence()
    {
        var before = JourneyCalendar.StepDate(Journey(), D(2026, 9, 7), Day30);
        var after = JourneyCalendar.StepDate(Journey(), D(2026, 9, 14), Day30);

        Assert.Equal(D(2026, 10, 7), before);
        Assert.Equal(D(2026, 10, 14), after);
        Assert.Null(JourneyCalendar.StepOn(Journey(), D(2026, 9, 14), before));
        // The occurrence names the step, not the date, so a step already answered is not asked again on the new date.
        Assert.Equal("onboarding:day-30", JourneyCalendar.OccurrenceId("onboarding", Day30));
        Assert.Equal(Day30, JourneyCalendar.StepOf(Journey(), "onboarding:day-30"));
        Assert.Null(JourneyCalendar.StepOf(Journey(), "onboarding:day-45"));
        Assert.Null(JourneyCalendar.StepOf(Journey(), "onboarding:2026-10-07"));
    }

    [Fact]
    public void TwoStepsMovedOntoTheSameMonday_AskTheLaterOne()
    {
        var schedule = Journey() with { Steps = [new JourneyStep { Day = 3, QuestionSetId = "a" }, new JourneyStep { Day = 4, QuestionSetId = "b" }] };

        Assert.Equal("b", JourneyCalendar.StepOn(schedule, D(2026, 9, 2), D(2026, 9, 7))!.QuestionSetId); // Sat and Sun → Mon
    }

    [Fact]
    public void PastTheLastStep_ThePathIsFinished_AndNoOldStepIsDue()
    {
        var hired = D(2026, 1, 5);
        var today = D(2026, 12, 1);

        Assert.True(JourneyCalendar.Path(Journey(), hired, today).Finished);
        Assert.Null(JourneyCalendar.StepOn(Journey(), hired, today));
    }

    [Fact]
    public void TheStartAndEndDates_BoundTheJourney()
    {
        var schedule = Journey() with { StartDate = D(2026, 10, 1) };

        Assert.Null(JourneyCalendar.StepOn(schedule, D(2026, 9, 7), D(2026, 9, 8)));
        Assert.Equal(Day30, JourneyCalendar.StepOn(schedule, D(2026, 9, 7), D(2026, 10, 7)));
    }

    [Fact]
    public void AJourneyHasNoSharedNextCycle_AndAsksEachStepsSet()
    {
        var cadence = new Cadence { Id = "onboarding", Name = "Onboarding", Schedule = Journey() };

        Assert.Null(CadenceCalendar.Next(cadence.Schedule, null, DateTimeOffset.UnixEpoch));
        Assert.Equal("onboarding-60", cadence.QuestionSetFor("onboarding:day-60"));
        Assert.Equal(["onboarding-1", "onboarding-30", "onboarding-60", "onboarding-90"], cadence.QuestionSetIds);
    }
}
