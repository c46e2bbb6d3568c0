using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.Deployment.Tests.Manifest;

/// <summary>The Teams app package, built by scripts/package-manifest.sh, passes the official v1.30 manifest schema.</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task Package_WithRealIds_PassesOfficialSchemaAndHasIconsOfTheRightSize()
    {
        var zip = await RunAsync("bash", [Path.Combine(RepoPaths.Root, "scripts", "package-manifest.sh")], environment: new Dictionary<string, string>
        {
            ["TEAMS_APP_ID"] = "6d9c7b2e-1f1a-4f43-9d0e-2f5c1a7b9e10",
            ["BOT_APP_ID"] = "5b1c0b9e-7d53-4a2b-9c61-3f1f0c2b7a11",
            ["BOT_DOMAIN"] = "bot.contoso.com",
            ["COMPANY_NAME"] = "Contoso",
        });
        using var package = ZipFile.OpenRead(Path.Combine(RepoPaths.Root, zip.Trim()));
        var manifestPath = Path.GetTempFileName();
        package.GetEntry("manifest.json")!.ExtractToFile(manifestPath, overwrite: true);

        Assert.Empty(await SchemaErrorsAsync(manifestPath));
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(manifestPath)).RootElement;
        // The Growth tab beside the chat, signed in through Teams SSO for the bot's own app id.
        var growth = manifest.GetProperty("staticTabs").EnumerateArray().Single(t => t.GetProperty("entityId").GetString() == "growth");
        Assert.Equal("https://bot.contoso.com/tab", growth.GetProperty("contentUrl").GetString());
        Assert.Contains(manifest.GetProperty("staticTabs").EnumerateArray(), t => t.GetProperty("entityId").GetString() == "conversations");
        Assert.Equal("api://bot.contoso.com/5b1c0b9e-7d53-4a2b-9c61-3f1f0c2b7a11", manifest.GetProperty("webApplicationInfo").GetProperty("resource").GetString());
        var commands = manifest.GetProperty("bots")[0].GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ToList();
        Assert.Contains("cadences", commands);
        Assert.Contains("stats", commands);
        Assert.Equal((192, 192), PngSize(package.GetEntry("color.png")!));
        Assert.Equal((32, 32), PngSize(package.GetEntry("outline.png")!));
    }

    [Fact]
    public async Task Template_WithPlaceholders_FailsSchema()
    {
        // Guards the guard: the schema check must be able to fail.
        var errors = await SchemaErrorsAsync(Path.Combine(RepoPaths.Root, "manifest", "manifest.json"));
        Assert.Contains(errors, e => e.StartsWith("/bots/0/botId", StringComparison.Ordinal));
    }

    private static async Task<string[]> SchemaErrorsAsync(string manifestPath)
    {
        var output = await RunAsync("node", [Path.Combine(AppContext.BaseDirectory, "Manifest", "validate-manifest.js"), RepoPaths.Root, manifestPath]);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }

    private static async Task<string> RunAsync(string fileName, string[] arguments, IDictionary<string, string>? environment = null)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, environment: environment);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output;
    }
}
