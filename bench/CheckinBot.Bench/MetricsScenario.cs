using System.Diagnostics;
using System.Globalization;
using System.Text;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Insights;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Bench;

/// <summary>The metrics API over a year of weekly check-ins, as measured.</summary>
public sealed record MetricsResult(
    int People,
    int Weeks,
    int Groups,
    double CensusSeconds,
    double SeedSeconds,
    IReadOnlyList<MetricsQueryFigure> Queries,
    double P95Ms,
    double MedianMs,
    long WorkingSetBeforeQueriesMiB,
    long WorkingSetAfterQueriesMiB,
    double AllocatedKiBPerQuery);

/// <summary>One kind of query: its median and 95th percentile over the repetitions.</summary>
public sealed record MetricsQueryFigure(string Query, int Groups, double MedianMs, double P95Ms);

/// <summary>
/// <c>metrics N</c>: an org of N people as a ten-wide management tree (ten departments), a year of weekly check-ins
/// (eight in ten people, Monday to Friday) folded into the rollups as the aggregator folds them (a fold per group and
/// day), the census taken by the aggregator from the directory, then <c>GET /api/admin/metrics</c> for a year in each
/// cut and period, repeated. The real host in-process on Azurite; queries over HTTP.
/// </summary>
public static class MetricsScenario
{
    private const int Weeks = 52;
    private static readonly DateOnly LastDay = new(2026, 11, 27); // a Friday

    public static async Task<MetricsResult> RunAsync(AzuriteFixture azurite, int people, int repetitions, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHECKINBOT_WEB", Path.Combine(RepoPaths.Root, "src", "CheckinBot.Web"));
        await using var org = await BenchOrg.WriteAsync(people, 9, ["Europe/Berlin"], cancellationToken, i => i == 0 ? null : (i - 1) / 10);
        await using var bot = new BotApplicationFactory<Program>(azurite, new Dictionary<string, string?>
        {
            ["OrgDirectory:FilePath"] = org.CsvPath,
            ["Fanout:ChunksInFlight"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var client = bot.CreateClient();
        await bot.Services.GetRequiredService<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "weekly-growth", Name = "Weekly growth", Audience = new CadenceAudience { Everyone = true },
            // Starting next year: only its name is needed here, the planner must not plan a run for everyone meanwhile.
            Schedule = new CadenceSchedule { DayOfWeek = DayOfWeek.Monday, LocalTime = "09:30", TimeZone = "Europe/Berlin", StartDate = new DateOnly(2027, 6, 1) },
        }, cancellationToken);

        var watch = Stopwatch.StartNew();
        await bot.Services.GetRequiredService<MetricsCensusService>().TakeIfDueAsync(cancellationToken);
        var censusSeconds = watch.Elapsed.TotalSeconds;
        var store = bot.Services.GetRequiredService<IMetricsStore>();
        var sizes = (await store.ReadCensusAsync("dept:", null, cancellationToken))!.Sizes
            .Concat((await store.ReadCensusAsync("tree:", null, cancellationToken))!.Sizes)
            .Append(new("org", people)).Append(new("cadence:weekly-growth", people))
            .ToList();

        watch.Restart();
        foreach (var batch in sizes.Chunk(50))
            await store.FoldAsync([.. batch.SelectMany(group => YearOf(group.Key, group.Value))], cancellationToken);
        var seedSeconds = watch.Elapsed.TotalSeconds;

        var from = LastDay.AddDays(-7 * Weeks + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var midManager = BenchOrgId(org, 5); // one level below the top: ten trees below them
        var queries = new[]
        {
            "groupBy=none&period=week",
            "groupBy=department&period=month",
            "groupBy=department&period=week",
            "groupBy=manager&period=month",
            $"groupBy=manager&period=quarter&managerId={midManager}",
            "groupBy=cadence&period=month",
        };
        foreach (var query in queries)
            await GetAsync(client, $"/api/admin/metrics?{query}&from={from}&to={to}", cancellationToken); // warm-up
        using var self = Process.GetCurrentProcess();
        GC.Collect();
        self.Refresh();
        var before = self.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var figures = new List<MetricsQueryFigure>();
        var all = new List<double>();
        foreach (var query in queries)
        {
            var times = new List<double>();
            var groups = 0;
            for (var i = 0; i < repetitions; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var body = await GetAsync(client, $"/api/admin/metrics?{query}&from={from}&to={to}", cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                groups = CountGroups(body);
            }
            all.AddRange(times);
            figures.Add(new MetricsQueryFigure(query, groups, Percentile(times, 0.5), Percentile(times, 0.95)));
        }
        var allocatedKiB = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / all.Count;
        self.Refresh();
        return new MetricsResult(people, Weeks, sizes.Count, censusSeconds, seedSeconds, figures, Percentile(all, 0.95), Percentile(all, 0.5),
            before / (1024 * 1024), self.WorkingSet64 / (1024 * 1024), allocatedKiB);
    }

    /// <summary>A year of weekly check-ins of a group of <paramref name="size"/>: eight in ten each week, spread Monday to Friday.</summary>
    private static IEnumerable<MetricFold> YearOf(string group, int size)
    {
        for (var week = 0; week < Weeks; week++)
        {
            for (var weekday = 0; weekday < 5; weekday++)
            {
                var completed = (size * 8 / 10 / 5) + (weekday < size * 8 / 10 % 5 ? 1 : 0);
                if (completed == 0)
                    continue;
                var day = LastDay.AddDays(-7 * week - (4 - weekday));
                var energy = new[] { completed / 10, completed / 5, completed * 3 / 10, completed / 4, 0 };
                energy[4] = completed - energy.Sum();
                var minutes = new int[MetricTally.MinuteBounds.Length + 1];
                (minutes[2], minutes[3], minutes[5]) = (completed / 4, completed / 2, completed - (completed / 4) - (completed / 2));
                yield return new MetricFold($"{group}|{day:yyyy-MM-dd}", day, [group], new MetricTally
                {
                    Completed = completed, SelfStarted = completed / 20, Shared = completed / 2, Energy = energy, Minutes = minutes,
                });
            }
        }
    }

    private static string BenchOrgId(BenchOrg org, int index) => org.Ids[Math.Min(index, org.Ids.Count - 1)];

    private static async Task<string> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static int CountGroups(string body) =>
        System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("groups").GetArrayLength() + 1;

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
