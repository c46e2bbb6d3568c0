using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Scripts;

/// <summary>
/// scripts/deploy run for real against a test double of the Azure CLI (Scripts/fake-az/az, first on PATH) that keeps
/// state as Entra and ARM would and refuses what they refuse. Each test works on its own copy of the scripts, infra and
/// manifest, so nothing is written into the repository: twice in a row, the second run creates and changes nothing and
/// keeps every id; after a failure half-way, a rerun finishes the job.
/// </summary>
public sealed class DeploymentRunTests : IDisposable
{
    private static readonly string Fakes = Path.Combine(RepoPaths.Root, "tests", "CheckinBot.Deployment.Tests", "Scripts", "fake-az");
    private readonly string _root = Directory.CreateTempSubdirectory("checkinbot-deploy-").FullName;

    public DeploymentRunTests()
    {
        foreach (var folder in new[] { "scripts", "infra", "manifest" })
            CopyFolder(Path.Combine(RepoPaths.Root, folder), Path.Combine(_root, folder));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string StatePath => Path.Combine(_root, "az.json");

    private JsonElement Az => JsonDocument.Parse(File.ReadAllText(StatePath)).RootElement;

    private JsonElement Kept(string group) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, ".deploy", group + ".json"))).RootElement;

    private async Task<ProcessRunner.Result> RunAsync(string script, string[] arguments, Dictionary<string, string>? environment = null, string? input = null)
    {
        var env = new Dictionary<string, string>
        {
            ["PATH"] = $"{Fakes}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_AZ_STATE"] = StatePath,
            ["DEPLOY_RETRY_DELAY"] = "0",
        };
        foreach (var (key, value) in environment ?? [])
            env[key] = value;
        return await ProcessRunner.RunAsync("bash", [Path.Combine(_root, "scripts", "deploy", script), .. arguments], input, env);
    }

    private async Task<string> SucceedsAsync(string script, string[] arguments, Dictionary<string, string>? environment = null, string? input = null)
    {
        var result = await RunAsync(script, arguments, environment, input);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return result.Output + result.Error;
    }

    private int Logged(string command) => Az.GetProperty("log").EnumerateArray().Count(l => l.GetString()!.StartsWith(command, StringComparison.Ordinal));

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
        Directory.Delete(Path.Combine(_root, ".deploy"), recursive: true); // another machine: no .deploy folder

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

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
