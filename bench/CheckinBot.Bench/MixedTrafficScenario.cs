using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Registrations;
using CheckinBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Bench;

/// <summary>A run with interactive traffic beside it, as measured.</summary>
/// <param name="RunSeconds">From "run now" to the run's completion.</param>
/// <param name="Seconds">From "run now" until the run and every summary and feedback message were delivered.</param>
/// <param name="RunRatio">RunSeconds / (N / budget): the run's pace while sharing the budget.</param>
/// <param name="AllSlotsRatio">Seconds / ((N + interactive messages) / budget): every message takes a slot of the same budget.</param>
/// <param name="PeakPerSecond">The most arrivals at the connector in any sliding second (Teams allows 50).</param>
/// <param name="SummaryMedianSeconds">Median time from sharing a check-in to the manager's summary arriving.</param>
public sealed record MixedTrafficResult(
    int People, int Budget, int Sharers, double RunSeconds, double Seconds, double RunRatio, double AllSlotsRatio, int PeakPerSecond, int Throttled,
    int RunDelivered, int RunDuplicates, int RunLosses, int Summaries, int FeedbackReceived, int FeedbackAsked, int InteractiveDuplicates,
    double SummaryMedianSeconds, IReadOnlyList<int> DeliveredPerSecond);

/// <summary>
/// Issue 19's mixed traffic: "run now" for N people at the budget while <c>sharers</c> people finish and share a
/// check-in (their managers get the summary), ask their manager for feedback, and get feedback back, all through the
/// real host and its one shared budget, against a connector that enforces Teams' 50 a second.
/// </summary>
public static class MixedTrafficScenario
{
    public static async Task<MixedTrafficResult> RunAsync(AzuriteFixture azurite, int people, int budget, int sharers, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHECKINBOT_WEB", Path.Combine(RepoPaths.Root, "src", "CheckinBot.Web"));
        await using var teams = await TeamsConnectorEmulator.StartAsync();
        teams.KeepBodies = true;
        // Person i < sharers reports to person sharers + i: a hundred pairs inside the audience.
        await using var org = await BenchOrg.WriteAsync(people, 3, ["Europe/Berlin"], cancellationToken, i => i < sharers ? sharers + i : null);
        await using var bot = new BotApplicationFactory<Program>(azurite, new Dictionary<string, string?>
        {
            ["OrgDirectory:FilePath"] = org.CsvPath,
            ["Teams:MaxRequestsPerSecond"] = budget.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        using var client = bot.CreateClient();
        await BenchSeeding.RegisterEveryoneAsync(bot.Services.GetRequiredService<IChatRegistrationStore>(), org.Ids, teams.ServiceUrl, cancellationToken);
        var cadence = await SampleCadence.RunNowOnlyJsonAsync();
        (await client.PostAsync("/api/admin/cadences", new StringContent(cadence, Encoding.UTF8, "application/json"), cancellationToken)).EnsureSuccessStatusCode();

        var watch = Stopwatch.StartNew();
        var startedAt = TimeProvider.System.GetUtcNow();
        var started = await client.PostAsync("/api/admin/cadences/weekly-growth/run", null, cancellationToken);
        var runId = JsonDocument.Parse(await started.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("runId").GetString();

        // The interactive side: five people a second finish and share, ask their manager, and hear back.
        var sharedAt = new Dictionary<string, TimeSpan>();
        var interactive = Task.Run(async () =>
        {
            var checkins = bot.Services.GetRequiredService<CheckinService>();
            var feedback = bot.Services.GetRequiredService<FeedbackService>();
            for (var i = 0; i < sharers; i++)
            {
                var (employee, manager) = (org.Ids[i], org.Ids[sharers + i]);
                var record = await ShareCheckinAsync(checkins, employee, cancellationToken);
                lock (sharedAt)
                    sharedAt["a:" + manager] = watch.Elapsed;
                await feedback.AskAsync(employee, manager, "my demo on Friday", null, cancellationToken);
                await feedback.GiveAsync(manager, employee, "Clear and well paced", isPraise: true, record.CheckinId, null, cancellationToken);
                await Task.Delay(200, cancellationToken);
            }
        }, cancellationToken);

        TimeSpan? runDone = null;
        var summaryAt = new Dictionary<string, TimeSpan>();
        while (true)
        {
            if (runDone is null && (await client.GetFromJsonAsync<JsonElement>($"/api/admin/runs/{runId}", cancellationToken)).GetProperty("completedAt").ValueKind != JsonValueKind.Null)
                runDone = watch.Elapsed;
            foreach (var (conversation, _) in teams.DeliveredBodies.Where(b => Is(b.Body, "shared a check-in")))
                summaryAt.TryAdd(conversation, watch.Elapsed);
            var bodies = teams.DeliveredBodies;
            if (runDone is not null && interactive.IsCompleted && bodies.Count(b => Is(b.Body, "shared a check-in")) >= sharers
                && bodies.Count(b => Is(b.Body, "Feedback from")) >= sharers && bodies.Count(b => Is(b.Body, "asks for your feedback")) >= sharers)
                break;
            if (watch.Elapsed > TimeSpan.FromSeconds(120 + (5.0 * people / budget)))
                throw new TimeoutException($"Not everything arrived: run done {runDone is not null}, {bodies.Count} delivered.");
            await Task.Delay(250, cancellationToken);
        }
        await interactive;
        var seconds = watch.Elapsed.TotalSeconds;
        var all = teams.DeliveredBodies;
        var questions = all.Where(b => Is(b.Body, "Time for your")).GroupBy(b => b.Conversation).ToList();
        var interactiveKinds = new[] { "shared a check-in", "Feedback from", "asks for your feedback" };
        var interactiveDuplicates = interactiveKinds.Sum(kind => all.Where(b => Is(b.Body, kind)).GroupBy(b => b.Conversation).Sum(g => g.Count() - 1));
        var latencies = summaryAt.Select(s => (s.Value - sharedAt.GetValueOrDefault(s.Key)).TotalSeconds).Order().ToList();
        var interactiveCount = 3 * sharers;
        return new MixedTrafficResult(people, budget, sharers, runDone!.Value.TotalSeconds, seconds,
            runDone.Value.TotalSeconds / ((double)people / budget), seconds / ((double)(people + interactiveCount) / budget),
            BenchSeeding.Peak(teams.DeliveredAt, TimeSpan.FromSeconds(1)), teams.Throttled,
            questions.Count, questions.Sum(g => g.Count() - 1), people - questions.Count,
            all.Count(b => Is(b.Body, "shared a check-in")), all.Count(b => Is(b.Body, "Feedback from")), all.Count(b => Is(b.Body, "asks for your feedback")),
            interactiveDuplicates, latencies.Count == 0 ? 0 : latencies[latencies.Count / 2], BenchCharts.PerSecond(teams.DeliveredAt, startedAt));
    }

    private static bool Is(string body, string marker) => body.Contains(marker, StringComparison.Ordinal);

    /// <summary>Answers the energy question, skips the optional ones and shares: no chat replies, only the summary to come.</summary>
    private static async Task<CheckinRecord> ShareCheckinAsync(CheckinService checkins, string userId, CancellationToken cancellationToken)
    {
        var turn = await checkins.StartOrResumeAsync(userId, occurrenceId: null, cancellationToken);
        for (var step = 0; step < 20; step++)
        {
            DialogueInput input = turn.Draft switch
            {
                { Stage: DraftStage.Recap } => new DialogueInput.Share(WithManager: true),
                { CurrentStep.Kind: QuestionKind.Scale } => new DialogueInput.Answer("4"),
                { CurrentStep.Kind: QuestionKind.YesNo } => new DialogueInput.Answer("no"),
                _ => new DialogueInput.Skip(),
            };
            turn = (await checkins.HandleAsync(userId, Guid.NewGuid().ToString("N"), input, cancellationToken))!;
            if (turn.Completed is { } record)
                return record;
        }
        throw new InvalidOperationException($"The check-in of {userId} did not complete.");
    }
}
