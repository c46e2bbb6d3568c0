using System.Diagnostics;
using System.Text;
using CheckinBot.Core.Runs;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Bench;

/// <summary>Planning one run, as measured.</summary>
public sealed record PlanResult(int People, int Planned, double Seconds, long WorkingSetBeforeMiB, long PeakWorkingSetMiB);

/// <summary>
/// The planner alone for an audience of N: the real host with sending switched off (<c>Fanout:ChunksInFlight</c> = 0),
/// "run now" planned in-process, so its memory is the directory plus what planning holds (one open chunk per due time).
/// </summary>
public static class PlanScenario
{
    public static async Task<PlanResult> RunAsync(AzuriteFixture azurite, int people, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHECKINBOT_WEB", Path.Combine(RepoPaths.Root, "src", "CheckinBot.Web"));
        await using var org = await BenchOrg.WriteAsync(people, 3, ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles"], cancellationToken);
        await using var bot = new BotApplicationFactory<Program>(azurite, new Dictionary<string, string?>
        {
            ["OrgDirectory:FilePath"] = org.CsvPath,
            ["Fanout:ChunksInFlight"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var client = bot.CreateClient();
        await client.PostAsync("/api/admin/cadences", new StringContent(await SampleCadence.RunNowOnlyJsonAsync(), Encoding.UTF8, "application/json"), cancellationToken);
        var runs = bot.Services.GetRequiredService<RunService>();
        using var self = Process.GetCurrentProcess();
        GC.Collect();
        var before = self.WorkingSet64;
        var run = await runs.StartAsync("weekly-growth", runId: null, force: true, cancellationToken); // counts the audience once
        var watch = Stopwatch.StartNew();
        await runs.PlanAsync(run.RunId!, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        var progress = (await runs.ProgressAsync(run.RunId!, cancellationToken))!;
        return new PlanResult(people, progress.Total, seconds, before / (1024 * 1024), self.PeakWorkingSet64 / (1024 * 1024));
    }
}
