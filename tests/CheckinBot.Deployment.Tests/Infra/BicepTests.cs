using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Infra;

/// <summary>
/// infra/ compiles with the Bicep CLI (NuGet Azure.Bicep.CommandLine) with no warning, and the compiled template is
/// what docs/deploy.md promises: a bot on its managed identity by default, no secret in any setting or parameter,
/// storage and Key Vault reached by role, Application Insights wired, HTTPS only with TLS 1.2 and FTP off, alerts.
/// </summary>
public sealed partial class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    private static async Task<JsonElement> CompiledAsync()
    {
        var result = await ProcessRunner.RunAsync(Bicep, ["build", Path.Combine(RepoPaths.Root, "infra", "main.bicep"), "--stdout"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error.Trim()); // no warning either
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    private static JsonElement Resource(JsonElement arm, string type) =>
        arm.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == type);

    [Fact]
    public async Task TheBot_SignsInWithItsManagedIdentity_ByDefault()
    {
        var arm = await CompiledAsync();

        var appType = arm.GetProperty("parameters").GetProperty("botAppType");
        Assert.Equal("UserAssignedMSI", appType.GetProperty("defaultValue").GetString());
        Assert.Equal(["UserAssignedMSI", "SingleTenant"], appType.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        var bot = Resource(arm, "Microsoft.BotService/botServices").GetProperty("properties");
        Assert.Equal("[parameters('botAppType')]", bot.GetProperty("msaAppType").GetString());
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", bot.GetProperty("msaAppMSIResourceId").GetString(), StringComparison.Ordinal);
        Assert.Contains("clientId", bot.GetProperty("msaAppId").GetString(), StringComparison.Ordinal); // the identity's client id is the app id
        Assert.Equal("MsTeamsChannel", Resource(arm, "Microsoft.BotService/botServices/channels").GetProperty("properties").GetProperty("channelName").GetString());
    }

    [Fact]
    public async Task NoSecret_IsAParameter_OrAnAppSetting_OnlyAKeyVaultReference()
    {
        var arm = await CompiledAsync();
        var text = arm.GetRawText();

        Assert.DoesNotContain(arm.GetProperty("parameters").EnumerateObject(), p => p.Value.GetProperty("type").GetString() is "securestring" or "secureObject");
        // The only password setting is a Key Vault reference resolved with the identity.
        var passwordSettings = PasswordSetting().Matches(text).Select(m => m.Value).ToList();
        Assert.NotEmpty(passwordSettings);
        Assert.All(passwordSettings, s => Assert.Contains("@Microsoft.KeyVault(VaultName=", s, StringComparison.Ordinal));
        var site = Resource(arm, "Microsoft.Web/sites").GetProperty("properties");
        Assert.Contains("userAssignedIdentities", site.GetProperty("keyVaultReferenceIdentity").GetString(), StringComparison.Ordinal);
        var vault = Resource(arm, "Microsoft.KeyVault/vaults");
        Assert.True(vault.GetProperty("properties").GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.Equal("[not(variables('useManagedIdentity'))]", vault.GetProperty("condition").GetString()); // only on the secret path
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "infra"), "*.bicepparam"))
            Assert.DoesNotMatch(SecretAssignment(), await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Storage_AndKeyVault_AreReachedByRole_WithSharedKeysOff()
    {
        var arm = await CompiledAsync();

        Assert.False(Resource(arm, "Microsoft.Storage/storageAccounts").GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
        var roles = arm.GetRawText();
        foreach (var role in new[]
        {
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
        })
        {
            Assert.Contains(role, roles, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheApp_IsHttpsOnly_Tls12_FtpOff_HealthChecked_AndReportsToApplicationInsights()
    {
        var arm = await CompiledAsync();
        var site = Resource(arm, "Microsoft.Web/sites").GetProperty("properties");
        var config = site.GetProperty("siteConfig");

        Assert.True(site.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal(("1.2", "Disabled", "/health/ready", true), (config.GetProperty("minTlsVersion").GetString(), config.GetProperty("ftpsState").GetString(),
            config.GetProperty("healthCheckPath").GetString(), config.GetProperty("alwaysOn").GetBoolean()));
        Assert.False(Resource(arm, "Microsoft.Web/sites/basicPublishingCredentialsPolicies").GetProperty("properties").GetProperty("allow").GetBoolean());
        var settings = config.GetProperty("appSettings").GetString()!;
        Assert.Matches(@"'APPLICATIONINSIGHTS_CONNECTION_STRING', 'value', reference\(resourceId\('Microsoft.Insights/components'", settings);
        Assert.Contains("'WEBSITE_RUN_FROM_PACKAGE', 'value', '1'", settings, StringComparison.Ordinal);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", Resource(arm, "Microsoft.Insights/components").GetProperty("properties").GetProperty("WorkspaceResourceId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_ForDeadLetters_Throttling_AndHealth()
    {
        var arm = await CompiledAsync();
        var text = arm.GetRawText();

        Assert.Contains("checkinbot.runs.recipients", text, StringComparison.Ordinal);
        Assert.Contains("checkinbot.teams.throttled", text, StringComparison.Ordinal);
        Assert.Equal("HealthCheckStatus", Resource(arm, "Microsoft.Insights/metricAlerts").GetProperty("properties").GetProperty("criteria").GetProperty("allOf")[0].GetProperty("metricName").GetString());
    }

    [Theory]
    [InlineData("prod.bicepparam")]
    [InlineData("dev.bicepparam")]
    public async Task EachEnvironmentsParameters_Build(string file)
    {
        var result = await ProcessRunner.RunAsync(Bicep, ["build-params", Path.Combine(RepoPaths.Root, "infra", file), "--stdout"]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error.Trim());
    }

    [Theory]
    [InlineData("prod.bicepparam")]
    [InlineData("dev.bicepparam")]
    public async Task HrAdmins_AndTheTeamsAppId_AreParameters_ThatReachTheAppSettings_AndTheOutputsTheNextRunKeeps(string file)
    {
        var parameters = await ProcessRunner.RunAsync(Bicep, ["build-params", Path.Combine(RepoPaths.Root, "infra", file), "--stdout"],
            environment: new Dictionary<string, string> { ["HR_ADMIN_GROUP_ID"] = "hr-group", ["HR_ADMIN_USER_IDS"] = "u1,u2", ["TEAMS_APP_ID"] = "teams-app" });
        var values = JsonDocument.Parse(JsonDocument.Parse(parameters.Output).RootElement.GetProperty("parametersJson").GetString()!).RootElement.GetProperty("parameters");
        Assert.Equal(("hr-group", "u1,u2", "teams-app"), (values.GetProperty("hrAdminGroupId").GetProperty("value").GetString(),
            values.GetProperty("hrAdminUserIds").GetProperty("value").GetString(), values.GetProperty("teamsAppId").GetProperty("value").GetString()));

        var arm = await CompiledAsync();
        // appSettings replaces the whole collection on each deployment: HR admins are in it, from parameters, never portal edits.
        var settings = Resource(arm, "Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString()!;
        Assert.Contains("hrAdminSettings", settings, StringComparison.Ordinal);
        var text = arm.GetRawText();
        Assert.Contains("Hr__AdminUserIds__", text, StringComparison.Ordinal);
        Assert.Contains("'Bot__TeamsAppId', 'value', parameters('teamsAppId')", text, StringComparison.Ordinal); // the installer finds the catalog id by it
        Assert.All(new[] { "teamsAppId", "ssoAppId", "hrAdminGroupId", "hrAdminUserIds", "graphPrincipalId" },
            name => Assert.True(arm.GetProperty("outputs").TryGetProperty(name, out _), name));
    }

    /// <summary>The object that names the password setting, up to its value.</summary>
    [GeneratedRegex(@"'Bot__AppPassword', 'value', [^)]*\)")]
    private static partial Regex PasswordSetting();

    /// <summary>A parameter set to a literal that looks like a secret.</summary>
    [GeneratedRegex(@"(?im)^\s*param\s+\w*(password|secret|key)\w*\s*=\s*'[^']+'")]
    private static partial Regex SecretAssignment();
}
