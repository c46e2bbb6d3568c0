using System.Globalization;
using CheckinBot.Core.Cadences;

namespace CheckinBot.Core.Tests.Cadences;

public sealed class WorkingHoursTests
{
    [Theory]
    [InlineData("2026-11-25T09:00:00Z", "Europe/Berlin", "2026-11-25T09:00:00Z")]    // Wednesday 10:00 in Berlin: now
    [InlineData("2026-11-25T05:00:00Z", "Europe/Berlin", "2026-11-25T07:00:00Z")]    // 06:00: at 08:00 the same day
    [InlineData("2026-11-25T17:30:00Z", "Europe/Berlin", "2026-11-26T07:00:00Z")]    // 18:30: 08:00 the next morning
    [InlineData("2026-11-27T18:00:00Z", "Europe/Berlin", "2026-11-30T07:00:00Z")]    // Friday 19:00: Monday 08:00
    [InlineData("2026-11-28T12:00:00Z", "Europe/Berlin", "2026-11-30T07:00:00Z")]    // Saturday: Monday 08:00
    [InlineData("2026-11-27T18:00:00Z", "America/New_York", "2026-11-27T18:00:00Z")] // Friday 13:00 in New York: now
    [InlineData("2026-11-27T18:00:00Z", "Asia/Kolkata", "2026-11-30T02:30:00Z")]     // Friday 23:30 in Kolkata: Monday 08:00 IST
    [InlineData("2026-03-28T12:00:00Z", "Europe/Berlin", "2026-03-30T06:00:00Z")]    // over the spring-forward weekend: 08:00 CEST
    [InlineData("2026-11-28T12:00:00Z", null, "2026-11-30T08:00:00Z")]               // unknown zone: UTC
    public void NextWithin_KeepsToWeekdaysEightToSix_InThePersonsZone(string at, string? zone, string expected)
    {
        Assert.Equal(Parse(expected), new WorkingHours().NextWithin(Parse(at), zone));
    }

    [Fact]
    public void TheConfiguredHours_AreTheOnesKept()
    {
        var lateShift = new CheckinBot.Core.Time.WorkdayOptions { StartHour = 12, EndHour = 20 }.Hours;

        Assert.Equal(Parse("2026-11-25T11:00:00Z"), lateShift.NextWithin(Parse("2026-11-25T08:00:00Z"), "Europe/Berlin")); // 09:00 → 12:00
        Assert.True(lateShift.Contains(Parse("2026-11-25T19:30:00+01:00")));
        Assert.False(lateShift.Contains(Parse("2026-11-25T20:00:00+01:00")));
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
