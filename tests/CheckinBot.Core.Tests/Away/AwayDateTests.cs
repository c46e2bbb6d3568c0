using CheckinBot.Core.Away;

namespace CheckinBot.Core.Tests.Away;

public sealed class AwayDateTests
{
    private static readonly DateOnly Today = new(2026, 12, 7); // a Monday

    [Theory]
    [InlineData("until 12 Jan", "2027-01-12")]
    [InlineData("12 January", "2027-01-12")]
    [InlineData("till Jan 12th", "2027-01-12")]
    [InlineData("until 20 Dec", "2026-12-20")]
    [InlineData("2027-02-01", "2027-02-01")]
    [InlineData("until 3 March 2027", "2027-03-03")]
    [InlineData("tomorrow", "2026-12-08")]
    [InlineData("until Monday", "2026-12-14")]
    [InlineData("friday", "2026-12-11")]
    public void TheDayBack_IsReadAsPeopleTypeIt(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AwayDate.Parse(text, Today, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("until whenever", "couldn't read")]
    [InlineData("2026-12-07", "already begun")]
    [InlineData("2026-12-01", "already begun")]
    [InlineData("2028-01-01", "up to 365 days")]
    public void ADayThatCannotBeUsed_IsExplained(string text, string explanation)
    {
        Assert.Null(AwayDate.Parse(text, Today, out var problem));
        Assert.Contains(explanation, problem, StringComparison.Ordinal);
    }
}
