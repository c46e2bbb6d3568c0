using CheckinBot.Teams.Connector;
using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Tests.Connector;

public sealed class TrustedServiceUrlsTests
{
    private static TrustedServiceUrls CreateSut(string appId = "app", params string[] extraHosts)
    {
        var options = new BotOptions { AppId = appId };
        foreach (var host in extraHosts)
            options.TrustedServiceUrlHosts.Add(host);
        return new TrustedServiceUrls(Options.Create(options));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch")]
    [InlineData("https://europe.botframework.com/")]
    public void IsTrusted_TeamsConnectorHosts_True(string url) => Assert.True(CreateSut().IsTrusted(url));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://evil.trafficmanager.net/")]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://user@smba.trafficmanager.net/teams/")]
    [InlineData("http://127.0.0.1:56150/_connector")]
    [InlineData("http://169.254.169.254/metadata")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void IsTrusted_OtherHosts_False(string? url) => Assert.False(CreateSut().IsTrusted(url));

    [Fact]
    public void IsTrusted_LoopbackInLocalMode_True() =>
        Assert.True(CreateSut(appId: "").IsTrusted("http://localhost:56150/_connector"));

    [Fact]
    public void IsTrusted_ConfiguredHostAndSubdomain_True()
    {
        var sut = CreateSut("app", "connector.contoso.com");
        Assert.True(sut.IsTrusted("https://connector.contoso.com/x"));
        Assert.True(sut.IsTrusted("https://eu.connector.contoso.com/x"));
        Assert.False(sut.IsTrusted("http://connector.contoso.com/x"));
    }
}
