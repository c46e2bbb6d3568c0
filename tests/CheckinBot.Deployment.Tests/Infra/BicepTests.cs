using System.Reflection;
using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Infra;

/// <summary>infra/ compiles with the Bicep CLI (NuGet Azure.Bicep.CommandLine) and its linter stays quiet.</summary>
public sealed class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    [Fact]
    public async Task MainTemplate_BuildsWithoutWarnings_AndDeclaresTheBotStack()
    {
        var result = await ProcessRunner.RunAsync(Bicep, ["build", Path.Combine(RepoPaths.Root, "infra", "main.bicep"), "--stdout"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error.Trim());
        using var arm = JsonDocument.Parse(result.Output);
        var types = arm.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("type").GetString()).ToHashSet();
        Assert.Contains("Microsoft.BotService/botServices", types);
        Assert.Contains("Microsoft.BotService/botServices/channels", types);
        Assert.Contains("Microsoft.Web/sites", types);
        Assert.Contains("Microsoft.Storage/storageAccounts", types);
        Assert.Contains("Microsoft.Authorization/roleAssignments", types);
        // An empty app id would be local mode (no token checks): the template cannot be deployed without one.
        var appId = arm.RootElement.GetProperty("parameters").GetProperty("botAppId");
        Assert.False(appId.TryGetProperty("defaultValue", out _));
        Assert.Equal(36, appId.GetProperty("minLength").GetInt32());
    }

    [Fact]
    public async Task Parameters_Build()
    {
        var result = await ProcessRunner.RunAsync(Bicep, ["build-params", Path.Combine(RepoPaths.Root, "infra", "main.bicepparam"), "--stdout"]);
        Assert.True(result.ExitCode == 0, result.Error);
    }
}
