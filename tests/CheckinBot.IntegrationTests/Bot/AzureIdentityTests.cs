using CheckinBot.Web.Identity;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>
/// Instance discovery asks the public cloud about the authority on every token call: on for the clouds MSAL knows, off
/// for any other authority, where it can only fail (and resolved a host on the thread pool each time).
/// </summary>
public sealed class AzureIdentityTests
{
    [Theory]
    [InlineData("https://login.microsoftonline.com", true)]
    [InlineData("https://login.microsoftonline.us/", true)]
    [InlineData("https://login.chinacloudapi.cn", true)]
    [InlineData("https://login.contoso-stack.example/adfs", false)]
    [InlineData("https://127.0.0.1:5443", false)]
    public void InstanceDiscovery_IsOnOnlyForTheCloudsMsalKnows(string authority, bool discovery) =>
        Assert.Equal(discovery, AzureIdentity.UsesInstanceDiscovery(new Uri(authority)));

    [Fact]
    public void NoHttpsAuthority_MeansThePublicCloud_WithDiscovery() => Assert.True(AzureIdentity.UsesInstanceDiscovery(null));
}
