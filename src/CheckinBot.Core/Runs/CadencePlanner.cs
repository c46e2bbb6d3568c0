using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Turns due cadences into per-person occurrences (run by one instance at a time, under a lease). A cycle's run id is
/// <c>{cadence}-{yyyyMMdd}</c> (plus <c>HHmm</c> for cron) and a person is written once per run, so planning the same cycle again (another tick, a
/// restart, a second instance) adds nobody twice. Each person is due at the cadence's local time in their own zone
/// (directory, else Teams clientInfo, else the cadence's); their send is queued to become visible then.
/// </summary>
public sealed partial class CadencePlanner(
    ICadenceStore cadences,
    IRunStore runs,
    IRunRecipientStore recipientStore,
    IWorkBacklog queue,
    IOrgDirectory directory,
    IGroupMembers groupMembers,
    PersonZones zones,
    TimeProvider timeProvider,
    ILogger<CadencePlanner> logger)
{
    /// <summary>
    /// A person whose local send time passed longer ago than this is not sent that cycle: a cadence created or resumed
    /// late in the day starts with the next one, while a restart after a short outage still catches up.
    /// </summary>
    public static readonly TimeSpan MissedAfter = TimeSpan.FromHours(6);

    /// <summary>
    /// A journey's cycle is planned again this long after it was last planned, while it is within a day of today: someone
    /// hired (or given a hire date) since then enters the journey without HR doing anything.
    /// </summary>
    public static readonly TimeSpan JourneyReplanAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Cycles whose local date is within a day of today (UTC) are planned, cron cadences included: every zone's send
    /// time is then ahead or only just behind.
    /// </summary>
    public async Task<int> PlanDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var planned = 0;
        foreach (var cadence in (await cadences.ListAsync(cancellationToken)).Where(c => c.Active))
        {
            foreach (var cycle in CadenceCalendar.Cycles(cadence.Schedule, today.AddDays(-1), today.AddDays(1)))
                planned += await PlanCycleAsync(cadence, cycle, now, cancellationToken);
        }
        return planned;
    }

    private async Task<int> PlanCycleAsync(Cadence cadence, CadenceCycle cycle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runId = cycle.RunId(cadence.Id);
        if (await runs.TryAddRunAsync(new CadenceRun { RunId = runId, CadenceId = cadence.Id, StartedAt = now }, cancellationToken))
            await runs.SaveLatestRunAsync(cadence.Id, runId, cancellationToken);
        var again = false;
        if ((await runs.FindRunAsync(runId, cancellationToken))?.PlannedAt is { } plannedAt)
        {
            if (!cadence.IsJourney || now - plannedAt < JourneyReplanAfter)
                return 0;
            again = true;
        }

        var total = await RunPlanning.PlanAsync(runs, recipientStore, queue, timeProvider, runId, Audience.Stream(directory, groupMembers, cadence.Audience, cancellationToken), async person =>
        {
            // A journey asks only the people whose step falls on this cycle's date: the others' zones are not looked up.
            if (!PersonDue.Asks(cadence, cycle, person.HireDate))
                return null;
            var due = PersonDue.For(cadence, cycle, person.HireDate, await zones.FindAsync(person.Id, person, cancellationToken));
            if (due is null || due.DueAtUtc < now - MissedAfter)
                return null;
            return (RunRecipient?)new RunRecipient { RunId = runId, UserId = person.Id, OccurrenceId = due.OccurrenceId, DueAt = due.DueAtUtc, TimeZone = due.TimeZone };
        }, cancellationToken, again);
        LogPlanned(logger, cadence.Id, runId, total);
        return total;
    }

    [LoggerMessage(EventId = 9311, Level = LogLevel.Information, Message = "Cadence {CadenceId}: cycle {RunId} planned for {Total} people")]
    private static partial void LogPlanned(ILogger logger, string cadenceId, string runId, int total);
}
