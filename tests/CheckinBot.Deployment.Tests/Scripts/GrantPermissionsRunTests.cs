using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Scripts;

/// <summary>grant-permissions.sh against the Azure CLI double: run twice, the second creates nothing; failed half-way, a rerun finishes.</summary>
public sealed class GrantPermissionsRunTests : DeploymentRun
{
    [Fact]
    public async Task GrantPermissions_RunTwice_TheSecondFindsEverythingAndCreatesNothing()
    {
        await SucceedsAsync("deploy.sh", ["--resource-group", "rg-checkin"]);
        await SucceedsAsync("grant-permissions.sh", ["--resource-group", "rg-checkin", "--groups", "--proactive-install"]);
        var first = Az.GetRawText();

        var again = await SucceedsAsync("grant-permissions.sh", ["--resource-group", "rg-checkin", "--groups", "--proactive-install"]);

        Assert.Single(Az.GetProperty("apps").EnumerateObject());
        Assert.Contains("found: ", again, StringComparison.Ordinal);
        Assert.Contains("User.Read.All: granted already", again, StringComparison.Ordinal);
        Assert.Equal(1, Logged("ad app create"));
        Assert.Equal(1, Logged("ad sp create"));
        Assert.Equal(4, Logged("rest --method POST")); // four permissions, each granted once
        var app = Az.GetProperty("apps").EnumerateObject().Single().Value;
        Assert.Equal(JsonDocument.Parse(first).RootElement.GetProperty("apps").GetRawText(), Az.GetProperty("apps").GetRawText()); // the same scope and role ids
        var scope = app.GetProperty("api").GetProperty("oauth2PermissionScopes")[0].GetProperty("id").GetString();
        Assert.All(app.GetProperty("api").GetProperty("preAuthorizedApplications").EnumerateArray(),
            p => Assert.Equal(scope, p.GetProperty("delegatedPermissionIds")[0].GetString()));
        Assert.Equal(app.GetProperty("appId").GetString(), Kept("rg-checkin").GetProperty("ssoAppId").GetString());
    }

    [Fact]
    public async Task TheDouble_RefusesAPreAuthorizationOfAScopeDefinedInTheSameRequest_AsGraphDoes()
    {
        await SucceedsAsync("deploy.sh", ["--resource-group", "rg-checkin"]);
        await SucceedsAsync("grant-permissions.sh", ["--resource-group", "rg-checkin"]);
        var app = Az.GetProperty("apps").EnumerateObject().Single().Value;
        var scope = Guid.NewGuid().ToString();
        // As the script once did: the scope and its pre-authorization in one PATCH.
        var oneRequest = "{\"api\":{\"oauth2PermissionScopes\":[{\"id\":\"" + scope + "\",\"value\":\"x\"}],\"preAuthorizedApplications\":[{\"appId\":\"a\",\"delegatedPermissionIds\":[\"" + scope + "\"]}]}}";

        var refused = await ProcessRunner.RunAsync(Path.Combine(Fakes, "az"), ["rest", "--method", "PATCH", "--uri", $"https://graph.microsoft.com/v1.0/applications/{app.GetProperty("id").GetString()}", "--body", oneRequest],
            environment: new Dictionary<string, string> { ["FAKE_AZ_STATE"] = StatePath });

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("delegatedPermissionIds has a Permission Id that cannot be found", refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ad sp create")] // after the app and its scope, before its service principal
    [InlineData("rest --method POST")] // after the sign-in app, before the first permission
    public async Task GrantPermissions_FailingHalfway_ThenRunAgain_FinishesTheJob(string failing)
    {
        await SucceedsAsync("deploy.sh", ["--resource-group", "rg-checkin"]);

        var broken = await RunAsync("grant-permissions.sh", ["--resource-group", "rg-checkin", "--groups"], new() { ["FAKE_AZ_FAIL_ONCE"] = failing });
        Assert.NotEqual(0, broken.ExitCode);
        await SucceedsAsync("grant-permissions.sh", ["--resource-group", "rg-checkin", "--groups"]);

        Assert.Single(Az.GetProperty("apps").EnumerateObject());
        var appId = Az.GetProperty("apps").EnumerateObject().Single().Value.GetProperty("appId").GetString()!;
        Assert.True(Az.GetProperty("sps").TryGetProperty(appId, out _));
        Assert.Equal(["role-User.Read.All", "role-GroupMember.Read.All"],
            Az.GetProperty("assignments").GetProperty("mi-principal-rg-checkin").EnumerateArray().Select(a => a.GetProperty("appRoleId").GetString()));
    }
}
