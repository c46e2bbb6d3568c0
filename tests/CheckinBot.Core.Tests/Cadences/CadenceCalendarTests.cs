using CheckinBot.Core.Cadences;

namespace CheckinBot.Core.Tests.Cadences;

public sealed class CadenceCalendarTests
{
    private static DateTimeOffset Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static CadenceSchedule Weekly(DayOfWeek day = DayOfWeek.Monday, string time = "09:30", int interval = 1) =>
        new() { Frequency = CadenceFrequency.Weekly, DayOfWeek = day, LocalTime = time, Interval = interval, TimeZone = "Europe/Berlin" };

    [Theory]
    [InlineData("Europe/Berlin", "2026-11-30T08:30:00Z")]     // 09:30 CET
    [InlineData("America/New_York", "2026-11-30T14:30:00Z")]  // 09:30 EST
    [InlineData("Asia/Kolkata", "2026-11-30T04:00:00Z")]      // 09:30 IST
    [InlineData(null, "2026-11-30T08:30:00Z")]                 // unknown zone: the cadence's
    [InlineData("Mars/Olympus", "2026-11-30T08:30:00Z")]
    public void Next_Weekly_IsTheLocalSendTimeInEachPersonsZone(string? zone, string expected)
    {
        var next = CadenceCalendar.Next(Weekly(), zone, Utc(2026, 11, 24));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next!.DueAtUtc);
        Assert.Equal(new DateOnly(2026, 11, 30), next.CycleDate);
        Assert.Equal("weekly-growth:2026-11-30", next.Id("weekly-growth"));
    }

    [Fact]
    public void Next_SpringForwardGap_SendsOnceAfterTheGap()
    {
        // Europe/Berlin skips 02:00–03:00 on Sunday 29 March 2026: 02:30 does not exist that day.
        var next = CadenceCalendar.Next(Weekly(DayOfWeek.Sunday, "02:30"), "Europe/Berlin", Utc(2026, 3, 28));

        Assert.Equal(Utc(2026, 3, 29, 1, 30), next!.DueAtUtc); // 03:30 CEST
        Assert.Equal(Utc(2026, 4, 5, 0, 30), CadenceCalendar.Next(Weekly(DayOfWeek.Sunday, "02:30"), "Europe/Berlin", next.DueAtUtc)!.DueAtUtc);
    }

    [Fact]
    public void Next_FallBackAmbiguousHour_SendsOnceAtTheFirst()
    {
        // 02:30 happens twice in Berlin on Sunday 25 October 2026; the first is 00:30 UTC.
        var first = CadenceCalendar.Next(Weekly(DayOfWeek.Sunday, "02:30"), "Europe/Berlin", Utc(2026, 10, 24));
        var after = CadenceCalendar.Next(Weekly(DayOfWeek.Sunday, "02:30"), "Europe/Berlin", first!.DueAtUtc);

        Assert.Equal(Utc(2026, 10, 25, 0, 30), first.DueAtUtc);
        Assert.Equal(new DateOnly(2026, 11, 1), after!.CycleDate); // not the second 02:30 of the same day
    }

    [Fact]
    public void Next_EveryTwoWeeks_CountsFromTheStartDate()
    {
        var schedule = Weekly(DayOfWeek.Wednesday, interval: 2) with { StartDate = new DateOnly(2026, 11, 4) };

        var dates = Cycles(schedule, Utc(2026, 11, 1), 3);

        Assert.Equal([new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 18), new DateOnly(2026, 12, 2)], dates);
    }

    [Fact]
    public void Next_MonthlyOnThe31st_FallsOnEachMonthsLastDay()
    {
        var schedule = new CadenceSchedule { Frequency = CadenceFrequency.Monthly, DayOfMonth = 31, TimeZone = "UTC" };

        Assert.Equal([new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 31), new DateOnly(2027, 4, 30)],
            Cycles(schedule, Utc(2027, 1, 1), 4));
    }

    [Theory]
    [InlineData(1, "2026-12-01")]  // first Tuesday
    [InlineData(2, "2026-12-08")]
    [InlineData(4, "2026-12-22")]
    [InlineData(-1, "2026-12-29")] // last Tuesday
    public void Next_MonthlyOnTheNthWeekday(int week, string expected)
    {
        var schedule = new CadenceSchedule { Frequency = CadenceFrequency.Monthly, DayOfWeek = DayOfWeek.Tuesday, WeekOfMonth = week, TimeZone = "UTC" };

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Cycles(schedule, Utc(2026, 11, 30), 1)[0]);
    }

    [Fact]
    public void Next_Quarterly_EveryThirdMonthFromTheStart()
    {
        var schedule = new CadenceSchedule { Frequency = CadenceFrequency.Quarterly, DayOfMonth = 15, StartDate = new DateOnly(2026, 1, 1), TimeZone = "UTC" };

        Assert.Equal([new DateOnly(2027, 1, 15), new DateOnly(2027, 4, 15), new DateOnly(2027, 7, 15)], Cycles(schedule, Utc(2026, 11, 23), 3));
    }

    [Fact]
    public void Next_SkipDatesAndEndDate_AreHonoured()
    {
        var schedule = Weekly() with { SkipDates = [new DateOnly(2026, 12, 28)], EndDate = new DateOnly(2027, 1, 11) };

        Assert.Equal([new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 11)], Cycles(schedule, Utc(2026, 12, 15), 5));
    }

    [Fact]
    public void Next_Cron_InThePersonsZone_SkippingHolidays()
    {
        var schedule = new CadenceSchedule { Frequency = CadenceFrequency.Cron, Cron = "0 10 * * 1-5", TimeZone = "UTC", SkipDates = [new DateOnly(2026, 12, 25)] };

        var christmasEve = CadenceCalendar.Next(schedule, "America/New_York", Utc(2026, 12, 24, 16));

        Assert.Equal(new DateOnly(2026, 12, 28), christmasEve!.CycleDate); // Friday the 25th is a holiday, then the weekend
        Assert.Equal(Utc(2026, 12, 28, 15), christmasEve.DueAtUtc);        // 10:00 EST
    }

    [Fact]
    public void Next_CronThatNeverFires_IsNull() =>
        Assert.Null(CadenceCalendar.Next(new CadenceSchedule { Frequency = CadenceFrequency.Cron, Cron = "0 9 30 2 *" }, null, Utc(2026, 1, 1)));

    private static List<DateOnly> Cycles(CadenceSchedule schedule, DateTimeOffset from, int count)
    {
        var dates = new List<DateOnly>();
        var after = from;
        while (dates.Count < count && CadenceCalendar.Next(schedule, null, after) is { } next)
        {
            dates.Add(next.CycleDate);
            after = next.DueAtUtc;
        }
        return dates;
    }
}
