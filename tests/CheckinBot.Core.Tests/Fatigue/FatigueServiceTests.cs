using CheckinBot.Core.Cadences;
using CheckinBot.Core.Fatigue;
using CheckinBot.Core.Tests.CheckIns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CheckinBot.Core.Tests.Fatigue;

/// <summary>The switch to the light form and back, HR's "off" and floor, and "full check-ins", over weekly occurrences nobody answers, then all.</summary>
public sealed class FatigueServiceTests
{
    private static readonly DateTimeOffset FirstMonday = new(2026, 9, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(FirstMonday);
    private readonly InMemoryGrowthLogStore _log = new();
    private readonly FatigueService _fatigue;

    public FatigueServiceTests() => _fatigue = new FatigueService(_log, _time, NullLogger<FatigueService>.Instance);

    private static Cadence Weekly(CadenceAdaptation adaptation) => new()
    {
        Id = "weekly", Name = "Weekly growth", Audience = new CadenceAudience { Everyone = true },
        Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:00", TimeZone = "UTC" }, Adaptation = adaptation,
    };

    /// <summary>Week <paramref name="week"/>'s occurrence is sent (and answered at once when <paramref name="answer"/>).</summary>
    private async Task<AdaptedAsk> WeekAsync(Cadence cadence, int week, bool answer)
    {
        var due = FirstMonday.AddDays(7 * week);
        _time.SetUtcNow(due);
        var occurrence = $"weekly:{due:yyyy-MM-dd}";
        var ask = await _fatigue.AdaptAsync("alex", cadence, occurrence, due, _log.Records, CancellationToken.None);
        if (answer && !ask.SteppedOver)
        {
            _log.AddRecord(new CheckinBot.Core.CheckIns.CheckinRecord
            {
                UserId = "alex", CheckinId = occurrence, QuestionSetId = ask.QuestionSetId, QuestionSetVersion = 1, OccurrenceId = occurrence,
                StartedAt = due, CompletedAt = due.AddHours(1), SharedWithManager = false, Answers = [],
            });
        }
        return ask;
    }

    [Fact]
    public async Task TiredTwiceInARow_GetsTheLightFormWithOneSentenceWhy_AndTwoHealthyOccurrencesBringThemBack()
    {
        var cadence = Weekly(new CadenceAdaptation { Enabled = true });
        for (var week = 0; week < 5; week++)
            Assert.Equal("default", (await WeekAsync(cadence, week, answer: false)).QuestionSetId); // four asked, then the first tired reading

        var light = await WeekAsync(cadence, 5, answer: true); // the second tired reading in a row
        Assert.Equal(CadenceAdaptation.DefaultLightQuestionSetId, light.QuestionSetId);
        Assert.Equal("This one is shorter: you answered 0 of your last 4 check-ins. Say **full check-ins** to go back to the full set.", light.Note);
        var state = Assert.Single((await _log.FindPreferencesAsync("alex", CancellationToken.None))!.Adaptations);
        Assert.Equal((CheckinForm.Light, FirstMonday.AddDays(35)), (state.Form, state.ChangedAt));

        // Answering again: the light form until two healthy readings in a row.
        for (var week = 6; week < 9; week++)
            await WeekAsync(cadence, week, answer: true);
        Assert.Equal("default", (await WeekAsync(cadence, 9, answer: true)).QuestionSetId);
        var changes = (await _log.FindPreferencesAsync("alex", CancellationToken.None))!.Adaptations[0].Changes;
        Assert.Equal(
            [new AdaptationChange(FirstMonday.AddDays(35), CheckinForm.Light, 0, "you answered 0 of your last 4 check-ins"),
             new AdaptationChange(FirstMonday.AddDays(56), CheckinForm.Full, 0, "two healthy check-ins in a row")],
            changes); // who (the signal), when and why, in figures: the record of each change
    }

    [Fact]
    public async Task ARetriedSend_DecidesTheSameWay_AndCountsTheOccurrenceOnce()
    {
        var cadence = Weekly(new CadenceAdaptation { Enabled = true });
        for (var week = 0; week < 6; week++)
            await WeekAsync(cadence, week, answer: false);

        var again = await _fatigue.AdaptAsync("alex", cadence, $"weekly:{FirstMonday.AddDays(35):yyyy-MM-dd}", FirstMonday.AddDays(35), _log.Records, CancellationToken.None);

        Assert.Equal(CadenceAdaptation.DefaultLightQuestionSetId, again.QuestionSetId);
        Assert.Equal(4, (await _log.FindPreferencesAsync("alex", CancellationToken.None))!.Adaptations[0].Asked.Count);
    }

    [Fact]
    public async Task WhenHrTurnedItOff_EveryoneGetsTheFullSet()
    {
        var cadence = Weekly(new CadenceAdaptation { Enabled = false });
        for (var week = 0; week < 8; week++)
            Assert.Equal("default", (await WeekAsync(cadence, week, answer: false)).QuestionSetId);
        Assert.Null(await _log.FindPreferencesAsync("alex", CancellationToken.None)); // nothing read, nothing kept
    }

    [Fact]
    public async Task StillTiredOnTheLightForm_StepsDownOnlyWhereHrAllows_AndNeverPastTheFloor()
    {
        var cadence = Weekly(new CadenceAdaptation { Enabled = true, MayChangeFrequency = true, Floor = AdaptationFloor.Fortnightly });
        var asks = new List<AdaptedAsk>();
        for (var week = 0; week < 24; week++)
            asks.Add(await WeekAsync(cadence, week, answer: false));

        var state = (await _log.FindPreferencesAsync("alex", CancellationToken.None))!.Adaptations[0];
        Assert.Equal((CheckinForm.Light, 1), (state.Form, state.StepDown)); // every second week, never every fourth
        var lastEight = asks.TakeLast(8).ToList();
        Assert.Equal(4, lastEight.Count(a => a.SteppedOver));
        Assert.DoesNotContain(lastEight.Zip(lastEight.Skip(1)), pair => pair.First.SteppedOver && pair.Second.SteppedOver);
    }

    [Fact]
    public async Task FullCheckins_BringsThemBackAtOnce_AndForGood()
    {
        var cadence = Weekly(new CadenceAdaptation { Enabled = true });
        for (var week = 0; week < 6; week++)
            await WeekAsync(cadence, week, answer: false);

        Assert.True(await _fatigue.ChooseFullAsync("alex", CancellationToken.None));

        for (var week = 6; week < 12; week++)
            Assert.Equal("default", (await WeekAsync(cadence, week, answer: false)).QuestionSetId);
        Assert.Equal("they asked for full check-ins", (await _log.FindPreferencesAsync("alex", CancellationToken.None))!.Adaptations[0].Why);
    }
}
