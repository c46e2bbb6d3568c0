using CheckinBot.Core.Cadences;
using CheckinBot.Core.Org;
using CheckinBot.Core.Registrations;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Core.Runs;

/// <summary>
/// Turns due cadences into per-person occurrences (run by one instance at a time, under a lease). A cycle's run id is
/// <c>{cadence}-{yyyyMMdd}</c> and a person is written once per run, so planning the same cycle again (another tick, a
/// restart, a second instance) adds nobody twice. Each person is due at the cadence's local time in their own zone
/// (directory, else Teams clientInfo, else the cadence's); their send is queued to become visible then.
/// </summary>
public sealed partial class CadencePlanner(
    ICadenceStore cadences,
    IRunStore runs,
    IWorkBacklog queue,
    IOrgDirectory directory,
    IChatRegistrationStore registrations,
    TimeProvider timeProvider,
    ILogger<CadencePlanner> logger)
{
    /// <summary>
    /// A person whose local send time passed longer ago than this is not sent that cycle: a cadence created or resumed
    /// late in the day starts with the next one, while a restart after a short outage still catches up.
    /// </summary>
    public static readonly TimeSpan MissedAfter = TimeSpan.FromHours(6);

    /// <summary>Cycles whose local date is within a day of today (UTC) are planned: every zone's send time is then ahead.</summary>
    public async Task<int> PlanDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var planned = 0;
        foreach (var cadence in (await cadences.ListAsync(cancellationToken)).Where(c => c.Active && c.Schedule.Frequency != CadenceFrequency.Cron))
        {
            for (var date = today.AddDays(-1); date <= today.AddDays(1); date = date.AddDays(1))
            {
                if (CadenceCalendar.IsCycleDate(cadence.Schedule, date))
                    planned += await PlanCycleAsync(cadence, date, now, cancellationToken);
            }
        }
        return planned;
    }

    private async Task<int> PlanCycleAsync(Cadence cadence, DateOnly date, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runId = $"{cadence.Id}-{date:yyyyMMdd}";
        await runs.TryAddRunAsync(new CadenceRun { RunId = runId, CadenceId = cadence.Id, StartedAt = now }, cancellationToken);
        if ((await runs.FindRunAsync(runId, cancellationToken))?.PlannedAt is not null)
            return 0;

        var time = CadenceCalendar.LocalSendTime(cadence.Schedule);
        var occurrence = $"{cadence.Id}:{date:yyyy-MM-dd}";
        var total = await RunPlanning.PlanAsync(runs, queue, directory, timeProvider, runId, cadence.Audience, async person =>
        {
            var zoneId = Time.IanaTimeZone.Normalize(person.TimeZone ?? (await registrations.FindAsync(person.Id, cancellationToken))?.TimeZone) ?? cadence.Schedule.TimeZone;
            var due = CadenceCalendar.LocalToUtc(date, time, Time.IanaTimeZone.FindOrUtc(zoneId));
            if (due < now - MissedAfter)
                return null;
            return (RunRecipient?)new RunRecipient { RunId = runId, UserId = person.Id, OccurrenceId = occurrence, DueAt = due, TimeZone = zoneId };
        }, cancellationToken);
        LogPlanned(logger, cadence.Id, date, total);
        return total;
    }

    [LoggerMessage(EventId = 9311, Level = LogLevel.Information, Message = "Cadence {CadenceId}: cycle {Date} planned for {Total} people")]
    private static partial void LogPlanned(ILogger logger, string cadenceId, DateOnly date, int total);
}
