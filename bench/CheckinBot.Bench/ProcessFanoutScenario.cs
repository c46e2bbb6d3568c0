using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CheckinBot.TestKit;

namespace CheckinBot.Bench;

/// <summary>A fan-out run across bot processes, as measured: deliveries counted by the connector emulator.</summary>
/// <param name="InDoubtAtKill">People whose message had reached Teams but whose outcome was not yet recorded when the instance was killed: the only ones who may get a second message.</param>
/// <param name="DuplicatesOutsideDoubt">Second messages to anyone else: must be zero.</param>
/// <param name="Throttled">429s for going over Teams' limits.</param>
/// <param name="Faulted">Requests the emulator answered with an injected fault (429, 503, timeout).</param>
/// <param name="PeakPerSecond">The most deliveries in any sliding second, across all instances (scheduling jitter shows here).</param>
/// <param name="PeakPerSecondOver5s">The most deliveries in any sliding five seconds, divided by five: the budget, held.</param>
/// <param name="BotCpuMsPerSend">CPU of the bot processes (not the emulator or Azurite) per delivered message; 0 when one was killed.</param>
/// <param name="AzuritePercent">Azurite's CPU over the run, in % of one core.</param>
/// <param name="PausesBeforeThrottlingMs">Per 429 over the tenant limit, the longest pause between arrivals in the second before it.</param>
/// <param name="DeliveredUnanswered">Messages the emulator delivered and then answered with a 504, a reset or silence.</param>
/// <param name="Unconfirmed">Recipients the run recorded as sent-unconfirmed (never sent again).</param>
/// <param name="SecondsAfterKill">From the kill to the run's completion (0 without a kill).</param>
public sealed record ProcessFanoutResult(
    int People, int Budget, int Instances, bool Killed, double Seconds, double Ratio,
    int Delivered, int Duplicates, int Losses, int InDoubtAtKill, int DuplicatesOutsideDoubt, int Throttled, int Faulted, int PeakPerSecond, double PeakPerSecondOver5s,
    double BotCpuMsPerSend, double AzuritePercent, IReadOnlyList<int> DeliveredPerSecond, IReadOnlyList<double> PausesBeforeThrottlingMs,
    int DeliveredUnanswered = 0, int Unconfirmed = 0, double SecondsAfterKill = 0);

/// <summary>
/// "Run now" for N people seeded through real <c>installationUpdate</c> activities, sent by one or more bot processes
/// sharing Azurite; optionally one instance is SIGKILLed halfway and started again, and the connector injects faults.
/// </summary>
public static class ProcessFanoutScenario
{
    public static async Task<ProcessFanoutResult> RunAsync(
        AzuriteFixture azurite, int people, int budget, int instances, bool killMidway, TimeSpan? claimFor, CancellationToken cancellationToken,
        ConnectorFaults? faults = null, TimeSpan? attemptTimeout = null, bool unthrottled = false)
    {
        var storage = azurite.ConnectionString;
        await using var teams = await TeamsConnectorEmulator.StartAsync();
        var prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        await using var org = await BenchOrg.WriteAsync(people, 2, ["Europe/Berlin"], cancellationToken);
        var settings = new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = storage,
            ["Storage:TablePrefix"] = prefix,
            ["OrgDirectory:FilePath"] = org.CsvPath,
            ["Teams:MaxRequestsPerSecond"] = budget.ToString(CultureInfo.InvariantCulture),
        };
        if (claimFor is { } claim)
            settings["Fanout:ClaimFor"] = claim.ToString("c", CultureInfo.InvariantCulture);
        // How long a send waits for a Teams that does not answer (the bot's default is 15 s).
        var timeout = attemptTimeout ?? TimeSpan.FromSeconds(15);
        settings["Teams:Resilience:AttemptTimeout"] = timeout.ToString("c", CultureInfo.InvariantCulture);
        var bots = new List<BotProcess>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            for (var i = 0; i < instances; i++)
                bots.Add(await BotProcess.StartAsync(settings));

            // Everyone installs the bot (welcome messages unthrottled, then forgotten): the run is counted on its own.
            teams.RequestsPerSecond = int.MaxValue;
            await Parallel.ForEachAsync(org.Ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
                (await http.PostAsJsonAsync(new Uri(bots[0].BaseAddress, "/api/messages"), Activities.InstallationUpdateFor(teams.ServiceUrl, id), ct)).EnsureSuccessStatusCode());
            teams.ClearRecord();
            teams.RequestsPerSecond = unthrottled ? int.MaxValue : 50;
            teams.Faults = faults ?? ConnectorFaults.None;

            var cadence = await SampleCadence.RunNowOnlyJsonAsync();
            (await http.PostAsync(new Uri(bots[0].BaseAddress, "/api/admin/cadences"), new StringContent(cadence, Encoding.UTF8, "application/json"), cancellationToken)).EnsureSuccessStatusCode();
            using var azuriteProcess = Process.GetProcessById(azurite.ProcessId);
            var cpuBefore = (Bots: BotsCpu(bots), Azurite: azuriteProcess.TotalProcessorTime);
            var watch = Stopwatch.StartNew();
            var startedAt = TimeProvider.System.GetUtcNow();
            var started = await http.PostAsync(new Uri(bots[0].BaseAddress, "/api/admin/cadences/weekly-growth/run"), null, cancellationToken);
            var runId = JsonDocument.Parse(await started.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("runId").GetString()!;

            // Ten times the budget's pace plus a claim (and with faults, time for pauses and sends that time out several
            // times): past that something is stuck, and the bots' output says what.
            var deadline = TimeSpan.FromSeconds(60 + (10.0 * people / budget)) + (claimFor ?? TimeSpan.Zero)
                + (teams.Faults == ConnectorFaults.None ? TimeSpan.Zero : TimeSpan.FromSeconds(60 + (0.5 * people)) + (5 * timeout));
            var inDoubt = new HashSet<string>();
            var killedAt = TimeSpan.Zero;
            if (killMidway)
            {
                while (teams.Delivered.Count < people / 2)
                {
                    ThrowIfPast(watch, deadline, bots);
                    await Task.Delay(20, cancellationToken);
                }
                await bots[0].KillAsync();
                killedAt = watch.Elapsed;
                await bots[0].DisposeAsync();
                var recorded = await RecordedSentAsync(storage, prefix, runId, cancellationToken);
                inDoubt = [.. teams.Delivered.Keys.Where(conversation => !recorded.Contains(conversation))];
                bots[0] = await BotProcess.StartAsync(settings);
            }

            JsonElement progress;
            while (true)
            {
                progress = await http.GetFromJsonAsync<JsonElement>(new Uri(bots[^1].BaseAddress, $"/api/admin/runs/{runId}"), cancellationToken);
                if (progress.GetProperty("completedAt").ValueKind != JsonValueKind.Null)
                    break;
                ThrowIfPast(watch, deadline, bots);
                await Task.Delay(500, cancellationToken);
            }
            var seconds = watch.Elapsed.TotalSeconds;
            azuriteProcess.Refresh();
            var botCpuMs = killMidway ? 0 : (BotsCpu(bots) - cpuBefore.Bots).TotalMilliseconds;
            var azuritePercent = 100 * (azuriteProcess.TotalProcessorTime - cpuBefore.Azurite).TotalSeconds / seconds;
            var delivered = teams.Delivered;
            return new ProcessFanoutResult(people, budget, instances, killMidway, seconds, seconds / ((double)people / budget),
                delivered.Count, delivered.Values.Sum(n => n - 1), people - delivered.Count, inDoubt.Count,
                delivered.Count(d => d.Value > 1 && !inDoubt.Contains(d.Key)), teams.Throttled, teams.Faulted,
                BenchSeeding.Peak(teams.DeliveredAt, TimeSpan.FromSeconds(1)), BenchSeeding.Peak(teams.DeliveredAt, TimeSpan.FromSeconds(5)) / 5.0,
                botCpuMs / delivered.Count, azuritePercent, BenchCharts.PerSecond(teams.DeliveredAt, startedAt), [.. teams.PausesBeforeThrottling.Select(p => Math.Round(p.TotalMilliseconds, 1))],
                teams.DeliveredUnanswered, progress.GetProperty("unconfirmed").GetInt32(), killMidway ? seconds - killedAt.TotalSeconds : 0);
        }
        finally
        {
            foreach (var bot in bots)
                await bot.DisposeAsync();
        }
    }

    private static TimeSpan BotsCpu(List<BotProcess> bots) =>
        bots.Aggregate(TimeSpan.Zero, (sum, bot) =>
        {
            using var process = Process.GetProcessById(bot.ProcessId);
            return sum + process.TotalProcessorTime;
        });

    private static void ThrowIfPast(Stopwatch watch, TimeSpan deadline, List<BotProcess> bots)
    {
        if (watch.Elapsed > deadline)
            throw new TimeoutException($"The run did not finish in {deadline}. Bot output:\n" + string.Join("\n---\n", bots.Select(b => b.Output)));
    }

    /// <summary>The personal chats whose recipient row says Sent, read straight from the runs table.</summary>
    private static async Task<HashSet<string>> RecordedSentAsync(string storage, string prefix, string runId, CancellationToken cancellationToken)
    {
        var table = new TableClient(storage, prefix + "runs");
        var sent = new HashSet<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == runId && e.RowKey.CompareTo("r-") >= 0 && e.RowKey.CompareTo("r.") < 0, cancellationToken: cancellationToken))
        {
            var recipient = JsonDocument.Parse(row.GetString("Data")).RootElement;
            if (recipient.GetProperty("status").GetString() == "Sent")
                sent.Add("a:" + recipient.GetProperty("userId").GetString());
        }
        return sent;
    }
}
