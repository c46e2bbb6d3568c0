using CheckinBot.Core.Cadences;

namespace CheckinBot.Core.Tests.Cadences;

public sealed class CadenceValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> Sets = ["default"];

    private static Cadence Valid() => new()
    {
        Id = "weekly-growth",
        Name = "Weekly growth check-in",
        Audience = new CadenceAudience { Everyone = true },
        Schedule = new CadenceSchedule { Frequency = CadenceFrequency.Weekly, DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin" },
    };

    [Fact]
    public void Validate_TheProductExample_HasNoProblems() => Assert.Empty(CadenceValidation.Validate(Valid(), Sets, Now));

    public static TheoryData<string, Func<Cadence, Cadence>> Problems() => new()
    {
        { "schedule.timeZone", c => c with { Schedule = c.Schedule with { TimeZone = "Mars/Olympus" } } },
        { "schedule.cron", c => c with { Schedule = c.Schedule with { Frequency = CadenceFrequency.Cron, Cron = "0 9 30 2 *" } } },
        { "schedule.cron", c => c with { Schedule = c.Schedule with { Frequency = CadenceFrequency.Cron, Cron = "every monday" } } },
        { "audience", c => c with { Audience = new CadenceAudience() } },
        { "questionSetId", c => c with { QuestionSetId = "nope" } },
        { "schedule.endDate", c => c with { Schedule = c.Schedule with { StartDate = new DateOnly(2027, 2, 1), EndDate = new DateOnly(2027, 1, 1) } } },
        { "schedule.localTime", c => c with { Schedule = c.Schedule with { LocalTime = "9.30am" } } },
        { "schedule.dayOfWeek", c => c with { Schedule = c.Schedule with { DayOfWeek = null } } },
        { "id", c => c with { Id = "Weekly Growth!" } },
        { "schedule", c => c with { Schedule = c.Schedule with { EndDate = new DateOnly(2026, 1, 1) } } },
        { "schedule.steps", c => c with { Schedule = c.Schedule with { Frequency = CadenceFrequency.Journey, Steps = [] } } },
        { "schedule.steps[1].day", c => c with { Schedule = Journey(c.Schedule, (30, "default"), (30, "default")) } },
        { "schedule.steps[0].day", c => c with { Schedule = Journey(c.Schedule, (-1, "default")) } },
        { "schedule.steps[1].questionSetId", c => c with { Schedule = Journey(c.Schedule, (1, "default"), (30, "onboarding-30")) } },
        { "adaptation.lightQuestionSetId", c => c with { Adaptation = new() { Enabled = true, LightQuestionSetId = "nope" } } },
        { "adaptation.floor", c => c with { Adaptation = new() { Enabled = true, LightQuestionSetId = "default", Floor = (CheckinBot.Core.Fatigue.AdaptationFloor)7 } } },
    };

    private static CadenceSchedule Journey(CadenceSchedule schedule, params (int Day, string Set)[] steps) =>
        schedule with { Frequency = CadenceFrequency.Journey, Steps = [.. steps.Select(s => new JourneyStep { Day = s.Day, QuestionSetId = s.Set })] };

    [Fact]
    public void Validate_AJourney_NeedsNoSharedQuestionSetOrNextCycle()
    {
        var journey = Valid() with { QuestionSetId = "unused", Schedule = Journey(Valid().Schedule, (1, "default"), (90, "default")) };

        Assert.Empty(CadenceValidation.Validate(journey, Sets, Now));
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Validate_NamesTheFieldThatIsWrong(string field, Func<Cadence, Cadence> breakIt)
    {
        var errors = CadenceValidation.Validate(breakIt(Valid()), Sets, Now);

        Assert.Contains(field, errors.Keys);
    }
}
