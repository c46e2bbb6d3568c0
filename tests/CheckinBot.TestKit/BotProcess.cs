using System.Text.RegularExpressions;

namespace CheckinBot.TestKit;

/// <summary>
/// The bot as a process of its own (the Web project's build output, which every project referencing it carries), on
/// loopback in local mode, so a test can SIGKILL it mid-run, start it again, or run two instances side by side.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private BotProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    /// <param name="settings">Configuration as <c>Section:Key</c> pairs (passed as environment variables).</param>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings)
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var output = AppContext.BaseDirectory;
        var process = ChildProcess.Start("dotnet", [Path.Combine(output, "CheckinBot.Web.dll"), "--contentRoot", output], environment);
        try
        {
            var listening = await process.WaitForOutputAsync(ListeningPattern(), TimeSpan.FromSeconds(60));
            await process.WaitForOutputAsync(StartedPattern(), TimeSpan.FromSeconds(60));
            return new BotProcess(process, new Uri(listening.Groups[1].Value));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the process printed so far (warnings and errors; the test host sets the log level).</summary>
    public string Output => _process.Output;

    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();

    [GeneratedRegex("Application started")]
    private static partial Regex StartedPattern();
}
