using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Welcome;
using CheckinBot.TestKit;

namespace CheckinBot.MicroBench;

/// <summary>What every turn parses (the inbound activity) and writes (a reply carrying an Adaptive Card).</summary>
[MemoryDiagnoser]
public class ActivityJsonBenchmarks
{
    private readonly byte[] _inbound = JsonSerializer.SerializeToUtf8Bytes(Activities.Message("https://smba.trafficmanager.net/emea/", "goals"));
    private Activity _parsed = null!;

    [GlobalSetup]
    public void Setup() => _parsed = ParseActivity();

    [Benchmark]
    public Activity ParseActivity() => JsonSerializer.Deserialize<Activity>(_inbound, ProtocolJson.Options)!;

    [Benchmark]
    public byte[] WriteCardReply() =>
        JsonSerializer.SerializeToUtf8Bytes(_parsed.CreateReply() with { Attachments = [WelcomeCards.Help().ToAttachment()] }, ProtocolJson.Options);

    /// <summary>Building the card alone, without writing it.</summary>
    [Benchmark]
    public object BuildHelpCard() => WelcomeCards.Help();
}
