using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckinBot.Core.Registrations;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Bench;

/// <summary>One fan-out run as measured.</summary>
/// <param name="CpuMsPerSend">CPU time of this process (bot, connector emulator, load) per delivered message.</param>
public sealed record FanoutResult(
    int People, int Budget, bool Unthrottled, double Seconds, double BudgetSeconds, double Ratio, double SendsPerSecond,
    int Delivered, int Duplicates, int Losses, int Throttled, long PeakWorkingSetMiB, double CpuMsPerSend, IReadOnlyList<int> DeliveredPerSecond);

/// <summary>
/// "Run now" of a cadence for N people through the real host (queue, planner, senders, shared budget) against a loopback
/// connector that enforces 50 requests/s with 429 + Retry-After (or, <paramref name="unthrottled"/>, no limit at all),
/// counting every delivery.
/// </summary>
public static class FanoutScenario
{
    public static async Task<FanoutResult> RunAsync(AzuriteFixture azurite, int people, int budget, bool unthrottled, CancellationToken cancellationToken)
    {
        // The test host finds the web project's content root through this outside a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHECKINBOT_WEB", Path.Combine(RepoPaths.Root, "src", "CheckinBot.Web"));
        await using var teams = await TeamsConnectorEmulator.StartAsync();
        if (unthrottled)
            teams.RequestsPerSecond = int.MaxValue;
        await using var org = await BenchOrg.WriteAsync(people, 1, ["Europe/Berlin"], cancellationToken);
        await using var bot = new BotApplicationFactory<Program>(azurite, new Dictionary<string, string?>
        {
            ["OrgDirectory:FilePath"] = org.CsvPath,
            ["Teams:MaxRequestsPerSecond"] = budget.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning", // a line per send would cost more than the send
        });
        using var client = bot.CreateClient();
        await BenchSeeding.RegisterEveryoneAsync(bot.Services.GetRequiredService<IChatRegistrationStore>(), org.Ids, teams.ServiceUrl, cancellationToken);

        var cadence = await SampleCadence.RunNowOnlyJsonAsync();
        await client.PostAsync("/api/admin/cadences", new StringContent(cadence, Encoding.UTF8, "application/json"), cancellationToken);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var startedAt = TimeProvider.System.GetUtcNow();
        var started = await client.PostAsync("/api/admin/cadences/weekly-growth/run", null, cancellationToken);
        var runId = JsonDocument.Parse(await started.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("runId").GetString();
        var lastReport = (Seconds: 0.0, Delivered: 0);
        while (true)
        {
            var progress = await client.GetFromJsonAsync<JsonElement>($"/api/admin/runs/{runId}", cancellationToken);
            if (progress.GetProperty("completedAt").ValueKind != JsonValueKind.Null)
                break;
            await Task.Delay(1000, cancellationToken);
            if (watch.Elapsed.TotalSeconds - lastReport.Seconds >= 10)
            {
                // A line every 10 s: a run that slows down as storage fills up shows here.
                var now = (watch.Elapsed.TotalSeconds, teams.Delivered.Count);
                Console.Error.WriteLine($"{now.TotalSeconds,6:0} s {now.Count,8} delivered {(now.Count - lastReport.Delivered) / (now.TotalSeconds - lastReport.Seconds),7:0.0}/s");
                lastReport = now;
            }
        }
        var seconds = watch.Elapsed.TotalSeconds;
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var delivered = teams.Delivered;
        var budgetSeconds = (double)people / budget;
        return new FanoutResult(people, budget, unthrottled, seconds, budgetSeconds, seconds / budgetSeconds, delivered.Count / seconds, delivered.Count,
            delivered.Values.Sum(n => n - 1), people - delivered.Count, teams.Throttled, self.PeakWorkingSet64 / (1024 * 1024),
            cpu.TotalMilliseconds / Math.Max(1, delivered.Count), BenchCharts.PerSecond(teams.DeliveredAt, startedAt));
    }
}
