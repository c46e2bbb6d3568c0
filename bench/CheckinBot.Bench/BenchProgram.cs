using System.Globalization;
using System.Text.Json;
using CheckinBot.TestKit;

namespace CheckinBot.Bench;

/// <summary><c>scripts/bench.sh [scenario] [N]</c>: runs a benchmark scenario and writes its figures to bench/results/.</summary>
internal static class BenchProgram
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Machine() => $"{Environment.ProcessorCount} cores, {Environment.OSVersion}";

    /// <summary>Where a result file goes: bench/results/ (not committed; docs/performance.md quotes the figures).</summary>
    private static string Results(string file)
    {
        var results = Path.Combine(RepoPaths.Root, "bench", "results");
        Directory.CreateDirectory(results);
        return Path.Combine(results, file);
    }

    private static Task WriteAsync(string file, object figures) =>
        File.WriteAllTextAsync(Results(file), JsonSerializer.Serialize(figures, Indented));

    public static async Task<int> Main(string[] args)
    {
        var scenario = args.ElementAtOrDefault(0) ?? "org-sync";
        var size = int.Parse(args.ElementAtOrDefault(1) ?? "100000", CultureInfo.InvariantCulture);
        if (scenario is not ("org-sync" or "inbound" or "fanout" or "fanout-process" or "fanout-crash" or "fanout-two" or "chaos" or "mixed" or "plan" or "storage-ceiling" or "metrics" or "tab" or "preview"))
        {
            Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: org-sync, inbound, fanout, fanout-process, fanout-crash, fanout-two, chaos, mixed, plan, storage-ceiling, metrics, tab, preview.");
            return 2;
        }

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            if (scenario == "inbound")
            {
                var rate = int.Parse(args.ElementAtOrDefault(2) ?? "200", CultureInfo.InvariantCulture);
                var seconds = int.Parse(args.ElementAtOrDefault(3) ?? "30", CultureInfo.InvariantCulture);
                var directory = args.ElementAtOrDefault(4) switch
                {
                    null or "file" => InboundDirectory.File,
                    "graph-up" => InboundDirectory.GraphUp,
                    "graph-slow" => InboundDirectory.GraphSlow,
                    "graph-down" => InboundDirectory.GraphDown,
                    var other => throw new ArgumentException($"Unknown directory '{other}': file, graph-up, graph-slow or graph-down."),
                };
                var result = await InboundScenario.RunAsync(azurite, size, rate, TimeSpan.FromSeconds(seconds), CancellationToken.None, directory: directory);
                Console.WriteLine(InboundScenario.Header);
                Console.WriteLine(InboundScenario.Describe(result));
                Console.WriteLine($"directory: {result.Directory}; requests that reached Graph in the window: {result.GraphRequests}");
                foreach (var command in result.Commands)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {command.Command,-9} {command.Requests,6} requests {command.Errors,4} errors  p50 {command.P50Ms,8:0.0} ms  p99 {command.P99Ms,8:0.0} ms"));
                var name = directory == InboundDirectory.File ? $"inbound-{size}-{rate}" : $"inbound-{size}-{rate}-{args[4]}";
                await WriteAsync(name + ".json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result });
                BenchCharts.Latency(Results(name + ".png"), $"inbound: {rate} authenticated messages/s from {size} people ({result.Directory})", result.PerSecond, targetMs: 20);
                return 0;
            }
            if (scenario == "fanout")
            {
                var budget = int.Parse(args.ElementAtOrDefault(2) ?? "45", CultureInfo.InvariantCulture);
                var unthrottled = args.ElementAtOrDefault(3) == "unthrottled";
                var result = await FanoutScenario.RunAsync(azurite, size, budget, unthrottled, CancellationToken.None);
                Console.WriteLine($"{"people",8} {"budget/s",9} {"Teams limit",12} {"seconds",8} {"N/budget",9} {"ratio",6} {"sends/s",8} {"delivered",10} {"duplicates",11} {"losses",7} {"429s",6} {"peak MiB",9} {"CPU ms/send",12}");
                Console.WriteLine($"{result.People,8} {result.Budget,9} {(unthrottled ? "none" : "50/s"),12} {result.Seconds,8:0.0} {result.BudgetSeconds,9:0.0} {result.Ratio,6:0.00} {result.SendsPerSecond,8:0.0} {result.Delivered,10} {result.Duplicates,11} {result.Losses,7} {result.Throttled,6} {result.PeakWorkingSetMiB,9} {result.CpuMsPerSend,12:0.00}");
                var name = $"fanout-{size}-{budget}{(unthrottled ? "-unthrottled" : "")}";
                await WriteAsync(name + ".json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result });
                BenchCharts.Deliveries(Results(name + ".png"), $"fan-out: {size} people, budget {budget}/s", result.DeliveredPerSecond, budget, unthrottled ? null : 50);
                return 0;
            }
            if (scenario == "mixed")
            {
                var budget = int.Parse(args.ElementAtOrDefault(2) ?? "45", CultureInfo.InvariantCulture);
                var sharers = int.Parse(args.ElementAtOrDefault(3) ?? "100", CultureInfo.InvariantCulture);
                var r = await MixedTrafficScenario.RunAsync(azurite, size, budget, sharers, CancellationToken.None);
                Console.WriteLine($"{"people",8} {"budget/s",9} {"sharers",8} {"run s",7} {"all s",7} {"run ratio",10} {"all-slots ratio",16} {"peak/s",7} {"429s",5} {"questions",10} {"dupl.",6} {"losses",7} {"summaries",10} {"fb given",9} {"fb asked",9} {"interactive dupl.",18} {"summary median s",17}");
                Console.WriteLine($"{r.People,8} {r.Budget,9} {r.Sharers,8} {r.RunSeconds,7:0.0} {r.Seconds,7:0.0} {r.RunRatio,10:0.00} {r.AllSlotsRatio,16:0.00} {r.PeakPerSecond,7} {r.Throttled,5} {r.RunDelivered,10} {r.RunDuplicates,6} {r.RunLosses,7} {r.Summaries,10} {r.FeedbackReceived,9} {r.FeedbackAsked,9} {r.InteractiveDuplicates,18} {r.SummaryMedianSeconds,17:0.0}");
                await WriteAsync($"mixed-{size}-{budget}.json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result = r });
                BenchCharts.Deliveries(Results($"mixed-{size}-{budget}.png"), $"mixed: run of {size} + {sharers} sharing, budget {budget}/s", r.DeliveredPerSecond, budget, 50);
                return 0;
            }
            if (scenario == "storage-ceiling")
            {
                var result = await StorageCeilingScenario.RunAsync(azurite, size, CancellationToken.None);
                Console.WriteLine($"{"people",8} {"in flight",10} {"seconds",8} {"sends/s",8} {"storage ops/s",14} {"Azurite CPU %",14}");
                Console.WriteLine($"{result.People,8} {result.InFlight,10} {result.Seconds,8:0.0} {result.SendsPerSecond,8:0.0} {result.OperationsPerSecond,14:0} {result.AzuritePercent,14:0}");
                await WriteAsync($"storage-ceiling-{size}.json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result });
                return 0;
            }
            if (scenario == "metrics")
            {
                var repetitions = int.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture);
                var r = await MetricsScenario.RunAsync(azurite, size, repetitions, CancellationToken.None);
                Console.WriteLine($"{size} people, {r.Weeks} weeks, {r.Groups} groups; census {r.CensusSeconds:0.0} s; rollups seeded in {r.SeedSeconds:0.0} s");
                Console.WriteLine($"{"query",-62} {"groups",7} {"median ms",10} {"p95 ms",8}");
                foreach (var q in r.Queries)
                    Console.WriteLine($"{q.Query,-62} {q.Groups,7} {q.MedianMs,10:0.0} {q.P95Ms,8:0.0}");
                Console.WriteLine($"all queries: median {r.MedianMs:0.0} ms, p95 {r.P95Ms:0.0} ms (budget 1000 ms: {r.P95Ms / 1000:0.00}); working set {r.WorkingSetBeforeQueriesMiB} → {r.WorkingSetAfterQueriesMiB} MiB; {r.AllocatedKiBPerQuery:0} KiB allocated per query");
                await WriteAsync($"metrics-{size}.json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result = r });
                return 0;
            }
            if (scenario == "tab")
            {
                // N is the number of cold loads per view.
                var figures = await TabScenario.RunAsync(azurite, size, CancellationToken.None);
                Console.WriteLine(TabScenario.Format(figures));
                Console.WriteLine($"budgets: first paint 1000 ms, charts 2000 ms, JS+CSS 300 KiB compressed; worst ratios {figures.Max(f => f.FirstPaintMedianMs) / 1000:0.00}, {figures.Max(f => f.ChartsMedianMs) / 2000:0.00}, {figures.Max(f => f.CompressedKiB) / 300:0.00}");
                await WriteAsync($"tab-{size}.json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result = figures });
                return 0;
            }
            if (scenario == "preview")
            {
                var repetitions = int.Parse(args.ElementAtOrDefault(2) ?? "5", CultureInfo.InvariantCulture);
                var result = await PreviewScenario.RunAsync(azurite, size, repetitions, CancellationToken.None);
                Console.WriteLine($"{"people",8} {"occurrences",12} {"due",8} {"seconds",8} {"alloc MiB",10}");
                foreach (var round in result.Rounds)
                    Console.WriteLine($"{round.People,8} {round.Occurrences,12} {round.Due,8} {round.Seconds,8:0.00} {round.AllocatedMiB,10}");
                Console.WriteLine($"first (reads every registration) {result.ColdSeconds:0.00} s (ratio {result.ColdSeconds / 5:0.00} of 5 s); the others' median {result.WarmMedianSeconds:0.00} s (ratio {result.WarmMedianSeconds / 5:0.00}); every registration read alone: {result.RegistrationScanSeconds:0.00} s; peak working set {result.PeakWorkingSetMiB} MiB (bench process, bot in it)");
                await WriteAsync($"preview-{size}.json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result });
                return 0;
            }
            if (scenario == "plan")
            {
                var result = await PlanScenario.RunAsync(azurite, size, CancellationToken.None);
                Console.WriteLine($"{"people",8} {"planned",8} {"seconds",8} {"MiB before",11} {"peak MiB",9}");
                Console.WriteLine($"{result.People,8} {result.Planned,8} {result.Seconds,8:0.0} {result.WorkingSetBeforeMiB,11} {result.PeakWorkingSetMiB,9}");
                await WriteAsync($"plan-{size}.json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result });
                return 0;
            }
            if (scenario is "fanout-process" or "fanout-crash" or "fanout-two" or "chaos")
            {
                var budget = int.Parse(args.ElementAtOrDefault(2) ?? "45", CultureInfo.InvariantCulture);
                var unthrottled = args.ElementAtOrDefault(3) == "unthrottled";
                var result = await ProcessFanoutScenario.RunAsync(azurite, size, budget,
                    instances: scenario == "fanout-two" ? 2 : 1, killMidway: scenario is "fanout-crash" or "chaos", claimFor: null, CancellationToken.None,
                    scenario == "chaos" ? ConnectorFaults.Chaos : null, unthrottled: unthrottled);
                Console.WriteLine($"{"people",8} {"budget/s",9} {"inst.",6} {"killed",7} {"seconds",8} {"ratio",6} {"sends/s",8} {"delivered",10} {"dupl.",6} {"losses",7} {"in doubt",9} {"dupl. outside doubt",20} {"429s",6} {"faults",7} {"peak/s",7} {"peak/s 5 s",11} {"bot CPU ms/send",16} {"Azurite CPU %",14}");
                Console.WriteLine($"{result.People,8} {result.Budget,9} {result.Instances,6} {result.Killed,7} {result.Seconds,8:0.0} {result.Ratio,6:0.00} {result.Delivered / result.Seconds,8:0.0} {result.Delivered,10} {result.Duplicates,6} {result.Losses,7} {result.InDoubtAtKill,9} {result.DuplicatesOutsideDoubt,20} {result.Throttled,6} {result.Faulted,7} {result.PeakPerSecond,7} {result.PeakPerSecondOver5s,11:0.0} {result.BotCpuMsPerSend,16:0.00} {result.AzuritePercent,14:0}");
                if (result.Killed)
                    Console.WriteLine($"killed at {result.Seconds - result.SecondsAfterKill:0.0} s; the run completed {result.SecondsAfterKill:0.0} s later; overhead over N / budget: {result.Seconds - ((double)result.People / result.Budget):0.0} s");
                if (result.DeliveredUnanswered > 0)
                    Console.WriteLine($"delivered then answered with 504 / reset / silence: {result.DeliveredUnanswered}; recorded unconfirmed: {result.Unconfirmed}");
                if (result.PausesBeforeThrottlingMs.Count > 0)
                    Console.WriteLine($"longest pause between arrivals in the second before each 429 (ms): {string.Join(", ", result.PausesBeforeThrottlingMs)}");
                await WriteAsync($"{scenario}-{size}-{budget}.json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), result });
                BenchCharts.Deliveries(Results($"{scenario}-{size}-{budget}.png"), $"{scenario}: {size} people, budget {budget}/s", result.DeliveredPerSecond, budget, 50);
                return 0;
            }
            var rounds = await OrgSyncScenario.RunAsync(azurite.ConnectionString, size, changeShare: 0.01, CancellationToken.None);
            Console.WriteLine($"{"round",-18} {"people",8} {"changes",8} {"Graph requests",15} {"seconds",8} {"peak MiB",9}");
            foreach (var r in rounds)
                Console.WriteLine($"{r.Name,-18} {r.People,8} {r.Changes,8} {r.GraphRequests,15} {r.Seconds,8:0.0} {r.PeakWorkingSetMiB,9}");
            await WriteAsync($"org-sync-{size}.json", new { scenario, machine = Machine(), takenAt = TimeProvider.System.GetUtcNow(), rounds });
            BenchCharts.SyncRounds(Results($"org-sync-{size}.png"), $"org sync: {size} people through the loopback Graph", rounds);
            return 0;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}
