using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CheckinBot.Core.Telemetry;

/// <summary>
/// The bot's own traces and metrics (<c>CheckinBot</c>), exported by the host through OpenTelemetry when it is
/// configured (docs/operations.md says what each means). Tags carry kinds, outcomes and ids — never a person's name or
/// anything they wrote.
/// </summary>
public static class CheckinTelemetry
{
    public const string Name = "CheckinBot";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("checkinbot.turns", description: "Activities Teams sent the bot, by type and outcome.");
    private static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("checkinbot.turn.duration", "ms", "Time to answer an activity.");
    private static readonly Counter<long> ProactiveSends = Meter.CreateCounter<long>("checkinbot.proactive.sends", description: "Messages sent outside a turn, by kind and outcome.");
    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>("checkinbot.teams.throttled", description: "429 answers from Teams.");
    private static readonly Histogram<double> BudgetWait = Meter.CreateHistogram<double>("checkinbot.budget.wait", "ms", "Time a call outside a turn waited for a slot of the shared budget.");
    private static readonly Counter<long> RunRecipients = Meter.CreateCounter<long>("checkinbot.runs.recipients", description: "Recipients of runs done, by status.");
    private static readonly Counter<long> OrgSyncPeople = Meter.CreateCounter<long>("checkinbot.orgsync.people", description: "People changes the org sync applied.");
    private static readonly Counter<long> OrgLookupOutcomes = Meter.CreateCounter<long>("checkinbot.org.lookups", description: "People looked up at the org source because the cache did not know them, by outcome (found, unknown, failed).");
    private static long _queueDepth = -1;
    private static long _graphCircuit;

    static CheckinTelemetry()
    {
        Meter.CreateObservableGauge("checkinbot.queue.depth", () => Interlocked.Read(ref _queueDepth) is var depth and >= 0 ? [new Measurement<long>(depth)] : Array.Empty<Measurement<long>>(),
            description: "Messages waiting in the send queue (approximate, as last sampled).");
        Meter.CreateObservableGauge("checkinbot.graph.circuit", () => Interlocked.Read(ref _graphCircuit),
            description: "Microsoft Graph's circuit breaker: 0 closed (calls go out), 1 half-open (one trial call), 2 open (calls skipped).");
    }

    /// <summary>Activity types as tagged: the known ones by name, anything else as <c>other</c> (a sender cannot invent tag values).</summary>
    private static readonly HashSet<string> KnownTypes = new(StringComparer.OrdinalIgnoreCase) { "message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event", "typing", "messageUpdate", "messageDelete" };

    public static void Turn(string? activityType, string outcome, TimeSpan duration)
    {
        var type = activityType is not null && KnownTypes.Contains(activityType) ? activityType : "other";
        Turns.Add(1, new("activity.type", type), new("outcome", outcome));
        TurnDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("activity.type", type));
    }

    /// <param name="kind"><c>question</c>, <c>reminder</c>, <c>summary</c>, <c>feedback</c>, <c>nudge</c>.</param>
    /// <param name="outcome">Tagged <c>delivered</c>, <c>throttled</c>, <c>unreachable</c>, <c>ambiguous</c> (unconfirmed) or <c>failed</c>.</param>
    public static void ProactiveSend(string kind, Messaging.DeliveryOutcome outcome) => ProactiveSends.Add(1, new("kind", kind), new("outcome", outcome switch
    {
        Messaging.DeliveryOutcome.Sent => "delivered",
        Messaging.DeliveryOutcome.Throttled => "throttled",
        Messaging.DeliveryOutcome.Unreachable => "unreachable",
        Messaging.DeliveryOutcome.Unconfirmed => "ambiguous",
        _ => "failed",
    }));

    public static void TeamsThrottled() => Throttled.Add(1);

    public static void BudgetWaited(TimeSpan waited, string priority) => BudgetWait.Record(waited.TotalMilliseconds, new KeyValuePair<string, object?>("priority", priority));

    public static void RunRecipient(string status) => RunRecipients.Add(1, new KeyValuePair<string, object?>("status", status));

    public static void OrgSyncApplied(int changes) => OrgSyncPeople.Add(changes);

    public static void OrgLookups(string outcome, int people)
    {
        if (people > 0)
            OrgLookupOutcomes.Add(people, new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <param name="state">0 closed, 1 half-open, 2 open.</param>
    public static void GraphCircuit(int state) => Interlocked.Exchange(ref _graphCircuit, state);

    public static void QueueDepth(long depth) => Interlocked.Exchange(ref _queueDepth, depth);
}
