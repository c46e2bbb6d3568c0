using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Scripts;

/// <summary>
/// scripts/deploy with <c>--dry-run</c>: every command printed, none run (no Azure CLI needed). The deployment is one
/// command, the secret never travels as an argument, and the identity gets the Graph permissions asked for and no more.
/// </summary>
public sealed class DeployScriptTests
{
    private static async Task<string> DryRunAsync(string script, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(RepoPaths.Root, "scripts", "deploy", script), .. arguments, "--dry-run"]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output + result.Error;
    }

    [Fact]
    public async Task Deploy_IsOneCommand_FromInfrastructureToHealth()
    {
        var printed = await DryRunAsync("deploy.sh", "--resource-group", "rg-checkin", "--env", "prod");

        var commands = printed.Split('\n').Where(l => l.StartsWith("+ ", StringComparison.Ordinal)).ToList();
        Assert.Contains(commands, c => c.StartsWith("+ az deployment group create", StringComparison.Ordinal) && c.Contains("infra/prod.bicepparam", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("+ az webapp deploy", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("scripts/package-manifest.sh", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("+ curl", StringComparison.Ordinal) && c.Contains("/health/ready", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("keyvault secret", StringComparison.Ordinal)); // the identity needs none
    }

    [Fact]
    public async Task Deploy_InstallsTheTabLibrariesBeforePublishing_AndChecksThePackageForThemBeforeUpload()
    {
        var printed = await DryRunAsync("deploy.sh", "--resource-group", "rg-checkin", "--env", "prod");

        var commands = printed.Split('\n').Where(l => l.StartsWith("+ ", StringComparison.Ordinal)).ToList();
        var npm = commands.FindIndex(c => c.StartsWith("+ npm ci", StringComparison.Ordinal));
        var publish = commands.FindIndex(c => c.StartsWith("+ dotnet publish", StringComparison.Ordinal));
        var check = commands.FindIndex(c => c.Contains("chart.umd.min.js", StringComparison.Ordinal) && c.Contains("tokens/index.js", StringComparison.Ordinal));
        var upload = commands.FindIndex(c => c.StartsWith("+ az webapp deploy", StringComparison.Ordinal));
        Assert.True(npm >= 0 && npm < publish && publish < check && check < upload, string.Join('\n', commands));
    }

    [Fact]
    public async Task Deploy_WithASecret_TakesItFromStandardInput_NeverAsAnArgument()
    {
        var printed = await DryRunAsync("deploy.sh", "--resource-group", "rg-checkin", "--env", "dev", "--secret-from-stdin");

        Assert.Contains("+ az keyvault secret set --vault-name \\<keyVaultName\\> --name bot-app-password --file /dev/stdin", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], new[] { "User.Read.All" })]
    [InlineData(new[] { "--groups" }, new[] { "User.Read.All", "GroupMember.Read.All" })]
    // The identity is not the sign-in app the manifest names in webApplicationInfo, so "Self" would not let it install the app.
    [InlineData(new[] { "--groups", "--proactive-install" }, new[] { "User.Read.All", "GroupMember.Read.All", "TeamsAppInstallation.ReadWriteForUser.All", "AppCatalog.Read.All" })]
    [InlineData(new[] { "--away" }, new[] { "User.Read.All", "MailboxSettings.Read" })]
    public async Task Permissions_AreOnlyThoseAskedFor(string[] options, string[] expected)
    {
        var printed = await DryRunAsync("grant-permissions.sh", ["--identity-principal-id", "11111111-1111-1111-1111-111111111111", "--bot-domain", "bot.contoso.com", .. options]);

        var graphRoles = string.Join('\n', printed.Split('\n').Where(l => l.Contains("00000003-0000-0000-c000-000000000000", StringComparison.Ordinal)));
        var granted = System.Text.RegularExpressions.Regex.Matches(graphRoles, @"value==\\'([A-Za-z.]+)\\'").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(expected, granted);
        Assert.Equal(expected.Length, printed.Split('\n').Count(l => l.Contains("--method POST", StringComparison.Ordinal) && l.Contains("/appRoleAssignments", StringComparison.Ordinal)));
        // The sign-in app: the tab's scope for the Teams clients, and the admin role.
        Assert.Contains("\"value\":\"access_as_user\"", printed, StringComparison.Ordinal);
        Assert.Contains("1fec8e78-bce4-4aaf-ab1b-5451cc387264", printed, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"CheckinBot.Admin\"", printed, StringComparison.Ordinal);
        Assert.Contains("api://bot.contoso.com/", printed, StringComparison.Ordinal);
    }
}
