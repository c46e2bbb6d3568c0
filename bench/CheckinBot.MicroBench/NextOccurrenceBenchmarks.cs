using BenchmarkDotNet.Attributes;
using CheckinBot.Core.Cadences;

namespace CheckinBot.MicroBench;

/// <summary>The planner asks this once per person per cycle: 100,000 times for a company-wide cadence.</summary>
[MemoryDiagnoser]
public class NextOccurrenceBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);

    private readonly CadenceSchedule _weekly = new() { Frequency = CadenceFrequency.Weekly, DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin" };

    private readonly CadenceSchedule _monthlyNthWeekday = new()
    {
        Frequency = CadenceFrequency.Monthly, WeekOfMonth = -1, DayOfWeek = DayOfWeek.Friday, LocalTime = "02:30", TimeZone = "America/New_York",
    };

    private readonly CadenceSchedule _cron = new() { Frequency = CadenceFrequency.Cron, Cron = "30 9 * * 1-5", TimeZone = "Asia/Kolkata" };

    [Benchmark]
    public CadenceOccurrence? WeeklyInThePersonsZone() => CadenceCalendar.Next(_weekly, "America/Los_Angeles", Now);

    [Benchmark]
    public CadenceOccurrence? LastFridayOfTheMonthAcrossDst() => CadenceCalendar.Next(_monthlyNthWeekday, "Europe/London", Now);

    [Benchmark]
    public CadenceOccurrence? Cron() => CadenceCalendar.Next(_cron, "Australia/Sydney", Now);
}
