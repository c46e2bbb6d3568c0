using System.Globalization;
using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.Bench;

/// <summary><c>scripts/bench.sh [scenario] [N]</c>: runs a benchmark scenario and writes its figures to bench/results/.</summary>
internal static class BenchProgram
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> Main(string[] args)
    {
        var scenario = args.ElementAtOrDefault(0) ?? "org-sync";
        var size = int.Parse(args.ElementAtOrDefault(1) ?? "100000", CultureInfo.InvariantCulture);
        if (scenario != "org-sync")
        {
            Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: org-sync.");
            return 2;
        }

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var rounds = await OrgSyncScenario.RunAsync(azurite.ConnectionString, size, changeShare: 0.01, CancellationToken.None);
            Console.WriteLine($"{"round",-18} {"people",8} {"changes",8} {"Graph requests",15} {"seconds",8} {"peak MiB",9}");
            foreach (var r in rounds)
                Console.WriteLine($"{r.Name,-18} {r.People,8} {r.Changes,8} {r.GraphRequests,15} {r.Seconds,8:0.0} {r.PeakWorkingSetMiB,9}");
            var results = Path.Combine(RepoPaths.Root, "bench", "results");
            Directory.CreateDirectory(results);
            await File.WriteAllTextAsync(Path.Combine(results, $"org-sync-{size}.json"), JsonSerializer.Serialize(new
            {
                scenario,
                machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
                takenAt = TimeProvider.System.GetUtcNow(),
                rounds,
            }, Indented));
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
