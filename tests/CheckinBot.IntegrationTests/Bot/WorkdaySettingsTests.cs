using CheckinBot.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>The working hours come from <c>Workday</c>; the keys' old place under <c>Feedback</c> is still read.</summary>
public sealed class WorkdaySettingsTests
{
    [Theory]
    [InlineData(null, null, null, null, 8, 18)]
    [InlineData("9", "17", null, null, 9, 17)]
    [InlineData(null, null, "7", "15", 7, 15)]
    [InlineData("9", null, "7", "15", 9, 15)] // each new key wins over its old one
    public void TheHours_ComeFromTheWorkdaySection_OrTheOldKeys(string? start, string? end, string? oldStart, string? oldEnd, int expectedStart, int expectedEnd)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workday:StartHour"] = start,
            ["Workday:EndHour"] = end,
            ["Feedback:WorkdayStartHour"] = oldStart,
            ["Feedback:WorkdayEndHour"] = oldEnd,
        }.Where(kv => kv.Value is not null)).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddWorkday().BuildServiceProvider();

        var hours = services.GetRequiredService<IOptions<WorkdayOptions>>().Value;

        Assert.Equal((expectedStart, expectedEnd), (hours.StartHour, hours.EndHour));
    }
}
