using CheckinBot.Core.Cadences;

namespace CheckinBot.Core.Tests.Away;

/// <summary>How long a check-in held for someone away is still worth asking, per frequency.</summary>
public sealed class AnswerWindowTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero); // Monday 09:00 UTC

    private static Cadence Of(CadenceSchedule schedule) => new() { Id = "c", Name = "c", Audience = new CadenceAudience { Everyone = true }, Schedule = schedule };

    [Fact]
    public void AWeeklyCheckin_IsWorthAskingWithinItsWeek_NotOnceTheNextHasCome()
    {
        var weekly = Of(new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:00", TimeZone = "UTC" });

        Assert.True(AnswerWindow.Allows(weekly, "UTC", Due, Due.AddDays(4)));
        Assert.False(AnswerWindow.Allows(weekly, "UTC", Due, Due.AddDays(7)));
    }

    [Fact]
    public void AFortnightlyCheckin_StillOnlyWithinAWeek()
    {
        var fortnightly = Of(new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, Interval = 2, LocalTime = "09:00", TimeZone = "UTC" });

        Assert.False(AnswerWindow.Allows(fortnightly, "UTC", Due, Due.AddDays(8)));
    }

    [Fact]
    public void AMonthlyCheckin_IsWorthAskingWithinTenDays()
    {
        var monthly = Of(new CadenceSchedule { Frequency = CadenceFrequency.Monthly, DayOfMonth = 7, LocalTime = "09:00", TimeZone = "UTC" });

        Assert.True(AnswerWindow.Allows(monthly, "UTC", Due, Due.AddDays(9)));
        Assert.False(AnswerWindow.Allows(monthly, "UTC", Due, Due.AddDays(11)));
    }
}
