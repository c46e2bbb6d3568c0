using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Scripts;

/// <summary>
/// scripts/deploy run for real against a test double of the Azure CLI (Scripts/fake-az/az, first on PATH) that keeps
/// state as Entra and ARM would and refuses what they refuse. Each test works on its own copy of the scripts, infra and
/// manifest, so nothing is written into the repository.
/// </summary>
public abstract class DeploymentRun : IDisposable
{
    protected static readonly string Fakes = Path.Combine(RepoPaths.Root, "tests", "CheckinBot.Deployment.Tests", "Scripts", "fake-az");
    protected string Root { get; } = Directory.CreateTempSubdirectory("checkinbot-deploy-").FullName;

    protected DeploymentRun()
    {
        foreach (var folder in new[] { "scripts", "infra", "manifest" })
            CopyFolder(Path.Combine(RepoPaths.Root, folder), Path.Combine(Root, folder));
    }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string StatePath => Path.Combine(Root, "az.json");

    protected JsonElement Az => JsonDocument.Parse(File.ReadAllText(StatePath)).RootElement;

    protected JsonElement Kept(string group) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, ".deploy", group + ".json"))).RootElement;

    protected async Task<ProcessRunner.Result> RunAsync(string script, string[] arguments, Dictionary<string, string>? environment = null, string? input = null)
    {
        var env = new Dictionary<string, string>
        {
            ["PATH"] = $"{Fakes}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_AZ_STATE"] = StatePath,
            ["DEPLOY_RETRY_DELAY"] = "0",
        };
        foreach (var (key, value) in environment ?? [])
            env[key] = value;
        return await ProcessRunner.RunAsync("bash", [Path.Combine(Root, "scripts", "deploy", script), .. arguments], input, env);
    }

    protected async Task<string> SucceedsAsync(string script, string[] arguments, Dictionary<string, string>? environment = null, string? input = null)
    {
        var result = await RunAsync(script, arguments, environment, input);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return result.Output + result.Error;
    }

    protected int Logged(string command) => Az.GetProperty("log").EnumerateArray().Count(l => l.GetString()!.StartsWith(command, StringComparison.Ordinal));

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
