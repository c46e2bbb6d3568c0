using CheckinBot.Core.Time;

namespace CheckinBot.Core.Tests.Time;

public sealed class IanaTimeZoneTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData(" America/Los_Angeles ", "America/Los_Angeles")]
    [InlineData("W. Europe Standard Time", "Europe/Berlin")]
    [InlineData("Pacific Standard Time", "America/Los_Angeles")]
    [InlineData("Mars/Olympus_Mons", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_ReturnsIanaIdOrNull(string? input, string? expected) =>
        Assert.Equal(expected, IanaTimeZone.Normalize(input));
}
