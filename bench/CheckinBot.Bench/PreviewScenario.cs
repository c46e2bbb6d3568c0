using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CheckinBot.Core.Registrations;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Bench;

/// <summary>One preview of a cadence for everyone, as measured over HTTP.</summary>
public sealed record PreviewRound(int People, int Occurrences, int Due, double Seconds, long AllocatedMiB);

/// <summary>Previews of an N-person cadence, and the memory the host held.</summary>
/// <param name="ColdSeconds">The first preview, which reads every registration (the snapshot).</param>
/// <param name="WarmMedianSeconds">The median of the others, within the snapshot's five minutes.</param>
/// <param name="RegistrationScanSeconds">Reading every registration once, alone.</param>
public sealed record PreviewResult(int People, IReadOnlyList<PreviewRound> Rounds, double ColdSeconds, double WarmMedianSeconds, double RegistrationScanSeconds, long PeakWorkingSetMiB);

/// <summary>
/// <c>GET /api/admin/cadences/{id}/preview</c> for samples/cadence.json (Mondays 09:30) over an org of N (five zones, everyone
/// registered), four weeks, the first page of 100 people: the real host on Azurite, timed from request to the last byte,
/// several times (the first reads every registration, the others use that snapshot), then the registration scan alone.
/// </summary>
public static class PreviewScenario
{
    public static async Task<PreviewResult> RunAsync(AzuriteFixture azurite, int people, int repetitions, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHECKINBOT_WEB", Path.Combine(RepoPaths.Root, "src", "CheckinBot.Web"));
        await using var org = await BenchOrg.WriteAsync(people, 9, ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles"], cancellationToken);
        await using var bot = new BotApplicationFactory<Program>(azurite, new Dictionary<string, string?>
        {
            ["OrgDirectory:FilePath"] = org.CsvPath,
            ["Fanout:ChunksInFlight"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var client = bot.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        var cadence = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "cadence.json"), cancellationToken); // Mondays 09:30
        (await client.PostAsync("/api/admin/cadences", new StringContent(cadence, Encoding.UTF8, "application/json"), cancellationToken)).EnsureSuccessStatusCode();
        await BenchSeeding.RegisterEveryoneAsync(bot.Services.GetRequiredService<IChatRegistrationStore>(), org.Ids, "https://smba.trafficmanager.net/amer/", cancellationToken);

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var path = $"/api/admin/cadences/weekly-growth/preview?from={today:yyyy-MM-dd}&to={today.AddDays(27):yyyy-MM-dd}&pageSize=100";
        var rounds = new List<PreviewRound>();
        for (var i = 0; i < repetitions; i++)
        {
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            response.EnsureSuccessStatusCode();
            var preview = JsonDocument.Parse(body).RootElement;
            var occurrences = preview.GetProperty("occurrences").EnumerateArray().ToList();
            rounds.Add(new PreviewRound(preview.GetProperty("people").GetInt32(), occurrences.Count, occurrences.Sum(o => o.GetProperty("due").GetInt32()),
                seconds, (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (1024 * 1024)));
        }
        var scan = Stopwatch.StartNew();
        await foreach (var _ in bot.Services.GetRequiredService<IChatRegistrationStore>().ListAllAsync(cancellationToken))
        {
        }
        var scanSeconds = scan.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        var warm = rounds.Skip(1).Select(r => r.Seconds).Order().ToList();
        return new PreviewResult(people, rounds, rounds[0].Seconds, warm.Count == 0 ? double.NaN : warm[warm.Count / 2], scanSeconds, self.PeakWorkingSet64 / (1024 * 1024));
    }
}
