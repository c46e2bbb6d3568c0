using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Starts a cadence's runs and says how they go. Planning is queue work, so any instance does it and a crash only delays
/// it: recipients are written once (a person at most once per run) in chunks, which <see cref="ChunkSender"/> sends.
/// </summary>
public sealed partial class RunService(
    ICadenceStore cadences,
    IRunStore runs,
    IRunRecipientStore recipientStore,
    IRunTallyStore tallyStore,
    IDeadLetterStore deadLetters,
    IWorkBacklog queue,
    IOrgDirectory directory,
    IGroupMembers groupMembers,
    TurnGroupMembers turnGroupMembers,
    PersonZones zones,
    IOptions<FanoutOptions> fanout,
    TimeProvider timeProvider,
    ILogger<RunService> logger)
{
    /// <summary>A run not planned this long after it started lost its plan message (a crash right after the start): it is queued again.</summary>
    private static readonly TimeSpan PlanOverdueAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The first step of "run now": whether the cadence can run now and, if so, the confirmation to ask for (how many
    /// people it reaches; after a recent run, that it went out not long ago). Nothing is sent.
    /// </summary>
    public async Task<RunNowAnswer> AskAsync(string cadenceId, CancellationToken cancellationToken)
    {
        var (blocked, cadence, latest) = await CheckAsync(cadenceId, cancellationToken);
        if (blocked is not null)
            return blocked;
        var recent = await RecentRunAsync(latest, cancellationToken);
        return new RunNowAnswer(RunNowOutcome.NeedsConfirmation, cadence, await CountAudienceAsync(cadence!, cancellationToken),
            NewRunId(), recent, IsRerun: recent is not null);
    }

    /// <summary>
    /// Starts run <paramref name="runId"/> (the id a confirmation carries; a second use of it starts nothing) of the
    /// cadence, unless it is paused, a run of it is still in progress, or one finished within
    /// <see cref="FanoutOptions.RerunGuard"/> and <paramref name="force"/> is not set (then it asks to confirm again).
    /// </summary>
    public async Task<RunNowAnswer> StartAsync(string cadenceId, string? runId, bool force, CancellationToken cancellationToken)
    {
        if (runId is not null && await runs.FindRunAsync(runId, cancellationToken) is { } used)
            return new RunNowAnswer(RunNowOutcome.AlreadyStarted, await cadences.FindAsync(cadenceId, cancellationToken), used.Total, used.RunId,
                await ProgressAsync(used.RunId, cancellationToken));
        var (blocked, cadence, latest) = await CheckAsync(cadenceId, cancellationToken);
        if (blocked is not null)
            return blocked;
        var audience = await CountAudienceAsync(cadence!, cancellationToken);
        runId ??= NewRunId();
        if (!force && await RecentRunAsync(latest, cancellationToken) is { } recent)
            return new RunNowAnswer(RunNowOutcome.NeedsConfirmation, cadence, audience, runId, recent, IsRerun: true);

        var run = new CadenceRun { RunId = runId, CadenceId = cadenceId, StartedAt = timeProvider.GetUtcNow() };
        if (!await runs.TryAddRunAsync(run, cancellationToken))
            return await StartAsync(cadenceId, runId, force, cancellationToken); // the same confirmation, a moment earlier
        // Only one start can move the cadence's latest run on from what was read: the other gives its run up.
        if (!await runs.TrySaveLatestRunNowAsync(cadenceId, runId, latest, cancellationToken))
        {
            await runs.DeleteUnplannedRunAsync(runId, cancellationToken);
            return await CheckAsync(cadenceId, cancellationToken) is { Blocked: { } now } ? now : new RunNowAnswer(RunNowOutcome.Running, cadence);
        }
        await runs.SaveLatestRunAsync(cadenceId, runId, cancellationToken);
        await queue.EnqueueAsync([new SendWork(runId, null)], TimeSpan.Zero, cancellationToken);
        LogStarted(logger, runId, cadenceId, audience, force);
        return new RunNowAnswer(RunNowOutcome.Started, cadence, audience, runId);
    }

    /// <summary>
    /// What stops a run now (not found, paused, a "run now" of it in progress); otherwise the cadence and its latest "run
    /// now". A scheduled cycle does not block it: whoever has that cycle's check-in open is not asked again (see
    /// <see cref="CheckIns.ScheduledStartOutcome.AlreadyOpen"/>).
    /// </summary>
    private async Task<(RunNowAnswer? Blocked, Cadence? Cadence, LatestRun? Latest)> CheckAsync(string cadenceId, CancellationToken cancellationToken)
    {
        if (await cadences.FindAsync(cadenceId, cancellationToken) is not { } cadence)
            return (new RunNowAnswer(RunNowOutcome.NotFound), null, null);
        if (cadence.IsJourney)
            return (new RunNowAnswer(RunNowOutcome.Journey, cadence), cadence, null);
        if (!cadence.Active)
            return (new RunNowAnswer(RunNowOutcome.Paused, cadence), cadence, null);
        var latest = await runs.FindLatestRunNowAsync(cadenceId, cancellationToken);
        if (latest is not null && await runs.FindRunAsync(latest.RunId, cancellationToken) is { } run
            && await ProgressAsync(run.RunId, cancellationToken) is { CompletedAt: null } progress)
        {
            if (run.PlannedAt is null && timeProvider.GetUtcNow() - run.StartedAt > PlanOverdueAfter)
                await queue.EnqueueAsync([new SendWork(run.RunId, null)], TimeSpan.Zero, cancellationToken); // planning is safe to repeat
            return (new RunNowAnswer(RunNowOutcome.Running, cadence, run.Total, run.RunId, progress), cadence, latest);
        }
        return (null, cadence, latest);
    }

    /// <summary>The latest run's progress when it finished within the rerun guard, else null.</summary>
    private async Task<RunProgress?> RecentRunAsync(LatestRun? latest, CancellationToken cancellationToken) =>
        latest is not null && await ProgressAsync(latest.RunId, cancellationToken) is { CompletedAt: { } done } progress
            && timeProvider.GetUtcNow() - done < fanout.Value.RerunGuard
            ? progress
            : null;

    /// <summary>
    /// The confirmation's count, asked on HR's turn: group members as the turn may know them (<see cref="TurnGroupMembers"/>,
    /// never a wait on Graph past the turn bound). The run itself is planned from Graph's answer.
    /// </summary>
    private async Task<int> CountAudienceAsync(Cadence cadence, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Audience.Stream(directory, turnGroupMembers, cadence.Audience, cancellationToken))
            count++;
        return count;
    }

    private string NewRunId() => Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("N");

    /// <summary>Writes a recipient per person of the audience, streaming it, and queues each chunk. Safe to repeat.</summary>
    public async Task PlanAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.FindRunAsync(runId, cancellationToken);
        var cadence = run is null ? null : await cadences.FindAsync(run.CadenceId, cancellationToken);
        if (run is null || cadence is null || run.PlannedAt is not null)
            return;
        var occurrence = Occurrences.RunNow(cadence.Id, runId);
        var total = await RunPlanning.PlanAsync(runs, recipientStore, queue, timeProvider, runId, Audience.Stream(directory, groupMembers, cadence.Audience, cancellationToken),
            async person => (RunRecipient?)new RunRecipient { RunId = runId, UserId = person.Id, OccurrenceId = occurrence, TimeZone = await zones.FindAsync(person.Id, person, cancellationToken) }, cancellationToken);
        LogPlanned(logger, runId, cadence.Id, total);
    }

    /// <summary>The cadence's newest run and how it is going; null when it never ran.</summary>
    public async Task<(string RunId, RunProgress Progress)?> LatestRunAsync(string cadenceId, CancellationToken cancellationToken) =>
        await runs.FindLatestRunIdAsync(cadenceId, cancellationToken) is { } runId && await ProgressAsync(runId, cancellationToken) is { } progress
            ? (runId, progress)
            : null;

    /// <summary>Who a run could not reach after its retries, and why; null when there is no such run.</summary>
    public async Task<IReadOnlyList<RunRecipient>?> DeadLettersAsync(string runId, CancellationToken cancellationToken) =>
        await runs.FindRunAsync(runId, cancellationToken) is null ? null : await deadLetters.ListDeadLettersAsync(runId, cancellationToken);

    public async Task<RunProgress?> ProgressAsync(string runId, CancellationToken cancellationToken)
    {
        if (await runs.FindRunAsync(runId, cancellationToken) is not { } run)
            return null;
        var tallies = await tallyStore.ListTalliesAsync(runId, cancellationToken);
        var done = tallies.Sum(t => t.Done);
        var total = run.PlannedAt is null ? done : run.Total;
        var pending = total - done;
        var completed = run.PlannedAt is not null && pending == 0 ? tallies.Select(t => (DateTimeOffset?)t.DoneAt).Max() ?? run.PlannedAt : null;
        return new RunProgress(total, tallies.Sum(t => t.Sent), tallies.Sum(t => t.Failed), tallies.Sum(t => t.Unreachable),
            tallies.Sum(t => t.Skipped), pending, run.StartedAt, completed) 
        {
            Snoozed = tallies.Sum(t => t.Snoozed),
            Unconfirmed = tallies.Sum(t => t.Unconfirmed),
            Away = tallies.Sum(t => t.Away),
            HeldAway = tallies.Sum(t => t.HeldAway),
        };
    }

    [LoggerMessage(EventId = 9305, Level = LogLevel.Information, Message = "Run {RunId} of cadence {CadenceId} started for {Audience} people (rerun confirmed: {Forced})")]
    private static partial void LogStarted(ILogger logger, string runId, string cadenceId, int audience, bool forced);

    [LoggerMessage(EventId = 9301, Level = LogLevel.Information, Message = "Run {RunId} of cadence {CadenceId} planned for {Total} people")]
    private static partial void LogPlanned(ILogger logger, string runId, string cadenceId, int total);
}
