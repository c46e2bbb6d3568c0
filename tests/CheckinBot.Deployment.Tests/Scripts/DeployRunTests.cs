using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Scripts;

/// <summary>deploy.sh against the Azure CLI double: a second run keeps every id and setting; the secret path; waiting for ready.</summary>
public sealed class DeployRunTests : DeploymentRun
{
    [Fact]
    public async Task Deploy_RunAgainWithNoEnvironment_KeepsEveryIdAndSetting()
    {
        await SucceedsAsync("deploy.sh", ["--resource-group", "rg-checkin"], new() { ["HR_ADMIN_GROUP_ID"] = "hr-group", ["HR_ADMIN_USER_IDS"] = "u1,u2", ["COMPANY_NAME"] = "Fabrikam" });
        var first = Az.GetProperty("deployments").GetProperty("rg-checkin");
        var (settings, teamsAppId) = (first.GetProperty("appSettings").GetRawText(), Kept("rg-checkin").GetProperty("teamsAppId").GetString());

        var again = await SucceedsAsync("deploy.sh", ["--resource-group", "rg-checkin"]);

        var second = Az.GetProperty("deployments").GetProperty("rg-checkin");
        Assert.Equal(2, second.GetProperty("count").GetInt32());
        Assert.Equal(settings, second.GetProperty("appSettings").GetRawText());
        Assert.Contains("\"Hr__AdminUserIds__1\": \"u2\"", settings, StringComparison.Ordinal);
        Assert.Equal(teamsAppId, Kept("rg-checkin").GetProperty("teamsAppId").GetString());
        Assert.Contains($"TEAMS_APP_ID={teamsAppId}", again, StringComparison.Ordinal);
        Assert.Contains("COMPANY_NAME=Fabrikam", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_FromAFreshClone_TakesTheIdsFromTheLastDeployment()
    {
        await SucceedsAsync("deploy.sh", ["--resource-group", "rg-checkin"], new() { ["HR_ADMIN_GROUP_ID"] = "hr-group" });
        var teamsAppId = Kept("rg-checkin").GetProperty("teamsAppId").GetString();
        Directory.Delete(Path.Combine(Root, ".deploy"), recursive: true); // another machine: no .deploy folder

        await SucceedsAsync("deploy.sh", ["--resource-group", "rg-checkin"]);

        Assert.Equal(teamsAppId, Kept("rg-checkin").GetProperty("teamsAppId").GetString());
        Assert.Equal("hr-group", Kept("rg-checkin").GetProperty("hrAdminGroupId").GetString());
    }

    [Fact]
    public async Task Deploy_WithASecret_GivesTheDeployerTheVaultRoleOnce_AndWritesTheSecretFromStandardInput()
    {
        var singleTenant = new Dictionary<string, string> { ["BOT_APP_TYPE"] = "SingleTenant", ["BOT_APP_ID"] = "bot-app-1" };
        await SucceedsAsync("deploy.sh", ["--resource-group", "rg-dev", "--env", "dev", "--secret-from-stdin"], singleTenant, input: "s3cret-value\n");
        await SucceedsAsync("deploy.sh", ["--resource-group", "rg-dev", "--env", "dev", "--secret-from-stdin"], input: "s3cret-value\n");

        Assert.Equal(1, Logged("role assignment create"));
        Assert.Equal(12, Az.GetProperty("secrets").GetProperty("checkindev-kv-abc123/bot-app-password").GetProperty("length").GetInt32());
        Assert.DoesNotContain("s3cret", Az.GetRawText(), StringComparison.Ordinal); // never in an argument
        // The permissions go to whichever identity calls Graph: here the bot app's own service principal.
        await SucceedsAsync("grant-permissions.sh", ["--resource-group", "rg-dev"]);
        Assert.True(Az.GetProperty("assignments").TryGetProperty("sp-bot-app-1", out _));
    }

    [Fact]
    public async Task Deploy_WaitsForTheAppToBeReady_SayingWhatItWaitsFor()
    {
        var output = await SucceedsAsync("deploy.sh", ["--resource-group", "rg-checkin"], new() { ["FAKE_READY_AFTER"] = "2" });

        Assert.Contains("not ready yet (1): waiting for storage access", output, StringComparison.Ordinal);
        Assert.Contains("ready", output.Split('\n').Last(l => l.Contains("ready", StringComparison.Ordinal) && !l.Contains("not ready", StringComparison.Ordinal) && !l.StartsWith("==", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
