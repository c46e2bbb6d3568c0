using CheckinBot.Core.Cadences;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Insights;

/// <summary>
/// <c>stats</c>: the last four weeks (28 days up to today, UTC) for each role a person has. HR and team figures come from
/// <see cref="MetricsService"/> and so follow the same thresholds; a person's own come from their own log.
/// </summary>
public sealed class StatsService(
    MetricsService metrics,
    HrAdmins hrAdmins,
    IOrgDirectory directory,
    ICheckinStore checkins,
    IGoalStore goals,
    IFeedbackStore feedback,
    TimeProvider timeProvider)
{
    public const int Days = 28;
    private const int MaxMovers = 3;

    public async Task<StatsCard> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var to = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - Days);
        var me = await PersonalAsync(userId, from, cancellationToken);
        var team = (await directory.DirectReportsAsync(userId, cancellationToken)).Count > 0 ? await TeamAsync(userId, from, to, cancellationToken) : null;
        var org = await hrAdmins.IsAdminAsync(userId, cancellationToken) ? await OrganisationAsync(from, to, cancellationToken) : null;
        return new StatsCard(from, to, me, team, org);
    }

    private async Task<PersonalStats> PersonalAsync(string userId, DateOnly from, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var records = (await checkins.ListCheckinsAsync(userId, cancellationToken)).OrderBy(r => r.CompletedAt).ToList();
        var myGoals = await goals.ListGoalsAsync(userId, cancellationToken);
        var notes = await feedback.ListNotesAsync(userId, cancellationToken);
        return new PersonalStats(
            records.Count(r => r.CompletedAt >= since),
            [.. records.Select(r => r.Energy).OfType<int>().TakeLast(5)],
            myGoals.Count(g => g.Status == GoalStatus.Active),
            myGoals.Count(g => g.CompletedAt >= since),
            myGoals.Sum(g => g.Milestones.Count(m => m.DoneAt >= since)),
            notes.Count(n => n.CreatedAt >= since));
    }

    private async Task<TeamStats> TeamAsync(string managerId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var now = await metrics.ReportAsync(new MetricsRequest(MetricsGroupBy.Manager, MetricsPeriod.Week, from, to, managerId), cancellationToken);
        var total = now.Total;
        if (total.Suppressed)
            return new TeamStats(true, total.People ?? 0, now.MinGroupSize);
        var before = await metrics.ReportAsync(new MetricsRequest(MetricsGroupBy.Manager, MetricsPeriod.Week, from.AddDays(-Days), from.AddDays(-1), managerId), cancellationToken);
        return new TeamStats(false, total.People ?? 0, now.MinGroupSize, total.Participation?.Completed, before.Total.Participation?.Completed,
            total.Participation?.Shared, EnergyByWeek(total));
    }

    private async Task<OrgStats> OrganisationAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var now = await metrics.ReportAsync(new MetricsRequest(MetricsGroupBy.Department, MetricsPeriod.Week, from, to), cancellationToken);
        var before = await metrics.ReportAsync(new MetricsRequest(MetricsGroupBy.Department, MetricsPeriod.Week, from.AddDays(-Days), from.AddDays(-1)), cancellationToken);
        var earlier = before.Groups.Where(g => !g.Suppressed).ToDictionary(g => g.Key, g => g.Participation?.Completed ?? 0);
        var movers = now.Groups
            .Where(g => !g.Suppressed && earlier.ContainsKey(g.Key))
            .Select(g => new DepartmentMove(g.Name, g.Participation?.Completed ?? 0, earlier[g.Key]))
            .Where(m => m.Change != 0)
            .OrderByDescending(m => Math.Abs(m.Change)).ThenBy(m => m.Department, StringComparer.Ordinal)
            .Take(MaxMovers)
            .ToList();
        var total = now.Total;
        return new OrgStats(total.People, total.Participation?.Completed, before.Total.Participation?.Completed,
            total.Participation?.MedianMinutesToComplete, total.Goals, total.Feedback, total.Suppressed ? [] : EnergyByWeek(total), movers,
            total.Participation?.Unreachable.Where(r => r.Value > 0).ToDictionary() ?? new Dictionary<string, int>(), total.Participation?.Away ?? 0);
    }

    private static List<(DateOnly Week, double? Energy)> EnergyByWeek(GroupFigures group) =>
        [.. (group.Periods ?? []).Select(p => (p.Start, p.Energy.Mean))];
}
