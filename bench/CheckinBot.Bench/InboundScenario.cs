using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;
using CheckinBot.Storage;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Bench;

/// <summary>
/// One second of the measured load: requests due in that second, how long they took, and how busy each process was
/// (CPU in % of one core), so a slow second can be put down to the bot, Azurite or the load generator.
/// </summary>
public sealed record LatencySecond(int Second, int Requests, double P50Ms, double P99Ms, double MaxMs, double BotCpu, double AzuriteCpu, double LoadCpu);

/// <summary>The inbound load as measured.</summary>
/// <param name="RepliesThrottled">Replies Teams' per-conversation limits answered with 429 (each costs its turn a retry).</param>
/// <param name="BotCpuPercent">The bot process's CPU time over the measured window, in % of one core (200 % = both cores).</param>
/// <param name="AzuriteCpuPercent">Azurite's (storage) CPU over the same window.</param>
/// <param name="LoadCpuPercent">This process's: load generator, token issuer, connector emulator.</param>
/// <param name="Directory">Where the bot read its org directory (<see cref="InboundDirectory"/>).</param>
/// <param name="Commands">Each command's own figures.</param>
/// <param name="GraphRequests">Requests that reached the loopback Graph in the measured window.</param>
public sealed record InboundResult(
    int People, int RatePerSecond, double Seconds, int Requests, int Errors, int Replies, int RepliesThrottled,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, double BotCpuPercent, double BotCpuMsPerRequest,
    double AzuriteCpuPercent, double LoadCpuPercent, long BotPeakWorkingSetMiB, IReadOnlyList<LatencySecond> PerSecond,
    string Directory, IReadOnlyList<CommandLatency> Commands, int GraphRequests);

/// <summary>
/// Authenticated message activities at a fixed rate (open loop: each request leaves at its time, whatever the earlier
/// ones are doing, and its latency counts from that time) to the bot as its own process in production mode: tokens
/// from a loopback OpenID server, Azurite, replies to the loopback connector emulator (unthrottled, so the bot's turn is
/// what is measured). With a Graph directory (<see cref="InboundDirectory"/>) the people cache on Azurite knows two
/// thirds of the org (synced, with a sync token that says nothing changed since); the other third joined since, so
/// their turns miss the cache — from the install on, through the warm-up, and in the measured window for as long as
/// Graph cannot answer — while Graph answers, answers 10 s late, or is down with Entra.
/// </summary>
public static class InboundScenario
{
    private const string AppId = "5b1c0b9e-7d53-4a2b-9c61-3f1f0c2b7a11";

    /// <summary>What people type: a command answered from the registration alone, one that reads goals (and journeys), one that reads the log, one that reads feedback.</summary>
    private static readonly string[] Commands = ["help", "goals", "wins", "feedback"];

    /// <summary>The sample onboarding journey's days (samples/onboarding-journey.json).</summary>
    private static readonly int[] JourneyDays = [1, 30, 60, 90];

    /// <param name="warmUp">Load at the same rate before measuring (default 30 s: with less, tier-1 JIT still ran in the measured window).</param>
    public static async Task<InboundResult> RunAsync(
        AzuriteFixture azurite, int people, int rate, TimeSpan measured, CancellationToken cancellationToken, TimeSpan? warmUp = null,
        InboundDirectory directory = InboundDirectory.File)
    {
        ThreadPool.SetMinThreads(64, 64); // the generator must not wait for the pool to grow while requests are due
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var teams = await TeamsConnectorEmulator.StartAsync();
        await using var identity = await FakeManagedIdentityEndpoint.StartAsync();
        await using var graph = await FakeGraph.StartAsync();
        teams.RequestsPerSecond = int.MaxValue;
        await using var org = await BenchOrg.WriteAsync(people, 3, ["Europe/Berlin", "America/New_York"], cancellationToken);
        var prefix = "i" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["OrgDirectory:FilePath"] = org.CsvPath,
            ["Bot:AppId"] = AppId,
            ["Bot:AppPassword"] = "secret",
            ["Bot:TenantId"] = Activities.TenantId,
            ["Bot:BotFrameworkOpenIdMetadataUrl"] = idp.BotFrameworkMetadataUrl,
            ["Bot:Authority"] = idp.Authority,
            ["Bot:TrustedServiceUrlHosts:0"] = "127.0.0.1",
        };
        IReadOnlyList<Person>? cached = null;
        if (directory != InboundDirectory.File)
        {
            var everyone = org.Ids.Select((id, i) => new Person
            {
                Id = id, DisplayName = $"Person {i}", Mail = $"p{i}@contoso.example", ManagerId = i == 0 ? null : org.Ids[0], Department = $"Dept {i % 10}",
                HireDate = i % 10 == 0 ? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-20) : new DateOnly(2025, 1, 1),
            }).ToList();
            foreach (var p in everyone)
                graph.Put(new GraphUser(p.Id, p.DisplayName!, p.Mail, p.ManagerId, p.Department, HireDate: p.HireDate));
            cached = [.. everyone.Where((_, i) => i % 3 != 2)];
        }
        await SeedStorageAsync(azurite.ConnectionString, prefix, cached, graph.DeltaLinkNow, cancellationToken);
        if (directory != InboundDirectory.File)
        {
            settings["OrgDirectory:Source"] = "Graph";
            settings["Graph:BaseUrl"] = directory == InboundDirectory.GraphDown ? $"http://127.0.0.1:{ClosedPort()}/v1.0" : graph.BaseUrl;
            if (directory != InboundDirectory.GraphDown)
            {
                // Graph's token from a loopback managed identity endpoint; with GraphDown, the secret's Entra is unreachable.
                settings.Remove("Bot:AppPassword");
                settings["Bot:AppType"] = "UserAssignedMsi";
                settings["IDENTITY_ENDPOINT"] = identity.Endpoint;
                settings["IDENTITY_HEADER"] = FakeManagedIdentityEndpoint.Header;
                graph.AcceptedTokenPrefix = "mi-token-";
            }
            graph.Delay = directory == InboundDirectory.GraphSlow ? TimeSpan.FromSeconds(10) : TimeSpan.Zero;
        }
        await using var bot = await BotProcess.StartAsync(settings);
        var token = FakeIdentityProvider.CreateToken(idp.EndorsedKey, AppId, serviceUrl: teams.ServiceUrl);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = bot.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

        // Everyone installs the bot first (registration and welcome), as in Teams.
        await Parallel.ForEachAsync(org.Ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
            await PostAsync(http, token, JsonSerializer.SerializeToUtf8Bytes(Activities.InstallationUpdateFor(teams.ServiceUrl, id)), ct));

        // A warm-up at the same rate (JIT, connection pools, caches), then the measured window.
        await LoadAsync(http, token, Bodies(org.Ids, teams.ServiceUrl, (int)(rate * (warmUp ?? TimeSpan.FromSeconds(30)).TotalSeconds)), rate, cancellationToken);
        teams.ClearRecord();
        graph.ResetCounters();
        var graphBefore = graph.Requests;
        using var botProcess = Process.GetProcessById(bot.ProcessId);
        using var azuriteProcess = Process.GetProcessById(azurite.ProcessId);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = (Bot: botProcess.TotalProcessorTime, Azurite: azuriteProcess.TotalProcessorTime, Self: self.TotalProcessorTime);
        var requests = (int)(rate * measured.TotalSeconds);
        var watch = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var cpu = SampleCpuAsync([botProcess, azuriteProcess, self], sampling.Token);
        var outcomes = await LoadAsync(http, token, Bodies(org.Ids, teams.ServiceUrl, requests), rate, cancellationToken);
        var graphRequests = graph.Requests - graphBefore;
        var seconds = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        var cpuPerSecond = await cpu;
        botProcess.Refresh();
        azuriteProcess.Refresh();
        self.Refresh();
        double Percent(TimeSpan after, TimeSpan before) => 100 * (after - before).TotalSeconds / seconds;

        var latencies = outcomes.Where(o => o.Status == HttpStatusCode.OK).Select(o => o.LatencyMs).Order().ToArray();
        var perSecond = outcomes.GroupBy(o => (int)o.DueSecond).OrderBy(g => g.Key)
            .Select(g =>
            {
                var sorted = g.Select(o => o.LatencyMs).Order().ToArray();
                var busy = g.Key < cpuPerSecond.Count ? cpuPerSecond[g.Key] : [double.NaN, double.NaN, double.NaN];
                return new LatencySecond(g.Key, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1], busy[0], busy[1], busy[2]);
            }).ToList();
        var commands = outcomes.GroupBy(o => o.Command).OrderBy(g => Array.IndexOf(Commands, g.Key)).Select(g =>
        {
            var sorted = g.Where(o => o.Status == HttpStatusCode.OK).Select(o => o.LatencyMs).Order().ToArray();
            return new CommandLatency(g.Key, g.Count(), g.Count(o => o.Status != HttpStatusCode.OK), Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        }).ToList();
        return new InboundResult(people, rate, seconds, outcomes.Length, outcomes.Count(o => o.Status != HttpStatusCode.OK), teams.Delivered.Values.Sum(), teams.Throttled,
            Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), latencies.Length == 0 ? double.NaN : latencies[^1],
            Percent(botProcess.TotalProcessorTime, cpuBefore.Bot), (botProcess.TotalProcessorTime - cpuBefore.Bot).TotalMilliseconds / requests,
            Percent(azuriteProcess.TotalProcessorTime, cpuBefore.Azurite), Percent(self.TotalProcessorTime, cpuBefore.Self),
            botProcess.PeakWorkingSet64 / (1024 * 1024), perSecond, directory.ToString(), commands, graphRequests);
    }

    /// <summary>
    /// Before the bot starts, through the storage project's own code: the sample onboarding journey (so <c>goals</c>
    /// asks the directory for each person's hire date, as in an org that has one), and with a Graph directory the
    /// people the cache knows, as a finished sync would leave them, with its token ("nothing changed since", so the
    /// bot's first sync round is incremental and finds nothing).
    /// </summary>
    private static async Task SeedStorageAsync(string connectionString, string prefix, IReadOnlyList<Person>? cached, string syncToken, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Storage:ConnectionString"] = connectionString;
        builder.Configuration["Storage:TablePrefix"] = prefix;
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCheckinStorage();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        await host.Services.GetRequiredService<ICadenceStore>().TrySaveAsync(new Cadence
        {
            Id = "onboarding", Name = "Onboarding journey", Audience = new() { Everyone = true },
            Schedule = new()
            {
                Frequency = CadenceFrequency.Journey, LocalTime = "09:30", TimeZone = "Europe/Berlin",
                Steps = [.. JourneyDays.Select(day => new JourneyStep { Day = day, QuestionSetId = $"onboarding-{day}" })],
            },
        }, cancellationToken);
        if (cached is not null)
        {
            var store = host.Services.GetRequiredService<IOrgChartStore>();
            foreach (var page in cached.Chunk(100))
                await store.ApplyAsync([.. page.Select(p => new PersonChange(p.Id, p))], new Dictionary<string, Person>(), cancellationToken);
            await store.SaveSyncTokenAsync(syncToken, cancellationToken);
        }
        await host.StopAsync(cancellationToken);
    }

    /// <summary>A loopback port nothing listens on: connections to it are refused.</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Each process's CPU in every second from now on (% of one core), until cancelled.</summary>
    private static async Task<List<double[]>> SampleCpuAsync(Process[] processes, CancellationToken cancellationToken)
    {
        var seconds = new List<double[]>();
        var before = processes.Select(p => p.TotalProcessorTime).ToArray();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = processes.Select(p => { p.Refresh(); return p.TotalProcessorTime; }).ToArray();
                seconds.Add([.. now.Select((t, i) => 100 * (t - before[i]).TotalSeconds)]);
                before = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return seconds;
    }

    /// <summary>
    /// Request bodies made before the clock starts, so the generator only sends: each a new activity id. Each person
    /// sends the commands in turn, and neighbours are a command apart, so every second carries the same mix (in blocks,
    /// the 1.5 s in which all 300 asked for <c>wins</c>, four storage reads each, saturated Azurite every 4.5 s).
    /// </summary>
    private static List<(byte[] Body, string Command)> Bodies(IReadOnlyList<string> people, string serviceUrl, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Commands[(i + (i / people.Count)) % Commands.Length] is var command
            ? (JsonSerializer.SerializeToUtf8Bytes(Activities.MessageFor(serviceUrl, people[i % people.Count], command)), command)
            : default)];

    private static async Task<Outcome[]> LoadAsync(HttpClient http, string token, List<(byte[] Body, string Command)> bodies, int rate, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new Task<Outcome>[bodies.Count];
        for (var i = 0; i < bodies.Count; i++)
        {
            var due = (double)i / rate;
            // Sleeps (no spinning: the generator shares the cores with the bot and Azurite) and sends everything due on
            // waking. Task.Delay wakes a millisecond or so late; latency counts from the due time, so that is charged
            // to the bot, never hidden.
            var wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0)
                await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
            inFlight[i] = TimedPostAsync(http, token, bodies[i].Body, bodies[i].Command, clock, due, cancellationToken);
        }
        return await Task.WhenAll(inFlight);
    }

    private static async Task<Outcome> TimedPostAsync(HttpClient http, string token, byte[] body, string command, Stopwatch clock, double due, CancellationToken cancellationToken)
    {
        await Task.Yield(); // the generator's loop goes on to the next request at once
        HttpStatusCode status;
        try
        {
            status = await PostAsync(http, token, body, cancellationToken);
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        catch (TaskCanceledException)
        {
            status = HttpStatusCode.RequestTimeout;
        }
        return new Outcome(due, (clock.Elapsed.TotalSeconds - due) * 1000, status, command);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string token, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];

    private sealed record Outcome(double DueSecond, double LatencyMs, HttpStatusCode Status, string Command);

    internal static string Describe(InboundResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.People,7} {r.RatePerSecond,7} {r.Requests,9} {r.Errors,7} {r.RepliesThrottled,6} {r.P50Ms,8:0.0} {r.P90Ms,8:0.0} {r.P99Ms,8:0.0} {r.MaxMs,8:0.0} {r.BotCpuPercent,8:0} {r.BotCpuMsPerRequest,10:0.00} {r.AzuriteCpuPercent,10:0} {r.LoadCpuPercent,9:0} {r.BotPeakWorkingSetMiB,9}");

    internal const string Header = " people  rate/s  requests  errors   429s  p50 ms   p90 ms   p99 ms   max ms  bot CPU% bot ms/req  Azurite%   load CPU% peak MiB";
}
