using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Scripts;

/// <summary>
/// The Web project's build cannot produce a bot without the Growth tab's libraries: with node_modules lacking them and
/// npm not to be used, it stops naming the command to run; with them, it puts the four files where the app serves them.
/// (Only the project's own tab targets run, so no binary of a concurrent test run is touched.)
/// </summary>
public sealed class TabLibraryBuildTests
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "src", "CheckinBot.Web", "CheckinBot.Web.csproj");

    [Fact]
    public async Task ABuildWithoutTheLibraries_FailsNamingTheCommandToRun()
    {
        var empty = Directory.CreateTempSubdirectory("checkinbot-no-node-modules-");
        try
        {
            var result = await ProcessRunner.RunAsync("dotnet",
                ["msbuild", Project, "-t:CopyTabLibraries", "-nologo", $"-p:NodeModules={empty.FullName}/", "-p:RestoreTabLibrariesWithNpm=false"]);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("The Growth tab's libraries are missing", result.Output + result.Error, StringComparison.Ordinal);
            Assert.Contains("run 'npm ci' in the repository root", result.Output + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ABuildWithTheLibraries_PutsTheFourFilesWhereTheTabLoadsThem()
    {
        var result = await ProcessRunner.RunAsync("dotnet", ["msbuild", Project, "-t:CopyTabLibraries", "-nologo"]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var lib = Path.Combine(RepoPaths.Root, "src", "CheckinBot.Web", "wwwroot", "tab", "lib");
        Assert.All(new[] { "chart.umd.min.js", "MicrosoftTeams.min.js", "web-components-all.min.js", Path.Combine("tokens", "index.js") },
            file => Assert.True(new FileInfo(Path.Combine(lib, file)) is { Exists: true, Length: > 0 }, file));
    }
}
