using System.Net.Http.Json;
using CheckinBot.TestKit;

namespace CheckinBot.IntegrationTests.Bot;

/// <summary>
/// OpenTelemetry as an operator turns it on (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): the bot as its own process exports
/// traces, metrics and logs to a loopback OTLP collector, with the <c>CheckinBot</c> meter's instruments, and nothing
/// a person wrote or is called.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private const string Secret = "zanzibar importer";

    [Fact]
    public async Task ACheckin_ShowsUpInTracesMetricsAndLogs_WithoutAWordOfIt()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["Logging:LogLevel:Default"] = "Information",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "o" + Guid.NewGuid().ToString("N")[..10],
            ["OrgDirectory:FilePath"] = Path.Combine(RepoPaths.Root, "samples", "org.csv"),
        });
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        var said = 0;
        foreach (var text in new[] { "check in", "4", $"Shipped the {Secret}", "skip", "skip", "no", "skip", "private" })
        {
            (await client.PostAsJsonAsync("/api/messages", Activities.Message(connector.ServiceUrl, text))).EnsureSuccessStatusCode();
            await connector.WaitForPostedActivitiesAsync(++said); // each answer's reply, before the next
        }

        await Eventually.TrueAsync(() => collector.Received("metrics").Contains("checkinbot.turn.duration", StringComparison.Ordinal)
            && collector.Received("traces").Contains("checkinbot.activity.id", StringComparison.Ordinal)
            && collector.Received("logs").Contains("completed", StringComparison.Ordinal),
            "the check-in's metrics, spans and logs exported", TimeSpan.FromSeconds(30));

        var metrics = collector.Received("metrics");
        Assert.Contains("checkinbot.turns", metrics, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", metrics, StringComparison.Ordinal);
        var traces = collector.Received("traces");
        Assert.Contains("Azure.Data.Tables", traces, StringComparison.Ordinal); // storage calls as spans
        // Ids are there (so strings in attributes are visible to this check); words and names are not.
        Assert.Contains(Activities.UserAadId, collector.Received("logs"), StringComparison.Ordinal);
        foreach (var signal in new[] { "traces", "metrics", "logs" })
        {
            Assert.DoesNotContain(Secret, collector.Received(signal), StringComparison.Ordinal);
            Assert.DoesNotContain("Alex Wilber", collector.Received(signal), StringComparison.Ordinal);
        }
    }
}
