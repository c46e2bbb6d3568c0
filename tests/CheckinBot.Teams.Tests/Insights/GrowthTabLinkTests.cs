namespace CheckinBot.Teams.Tests.Insights;

/// <summary>Where the <c>stats</c> card's "Open the Growth tab" leads.</summary>
public sealed class GrowthTabLinkTests
{
    private static readonly Uri Bot = new("https://bot.contoso.com/");

    [Fact]
    public void WithTheTeamsAppId_ItIsATeamsDeepLinkToTheGrowthTab() =>
        Assert.Equal("https://teams.microsoft.com/l/entity/6d9c7b2e-1f1a-4f43-9d0e-2f5c1a7b9e10/growth",
            new BotOptions { TeamsAppId = "6d9c7b2e-1f1a-4f43-9d0e-2f5c1a7b9e10" }.GrowthTabLink(Bot).ToString());

    [Fact]
    public void WithoutIt_ItIsThePage() =>
        Assert.Equal("https://bot.contoso.com/tab", new BotOptions().GrowthTabLink(Bot).ToString());
}
