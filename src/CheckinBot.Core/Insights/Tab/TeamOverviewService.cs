using CheckinBot.Core.Feedback;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Insights.Tab;

/// <summary>
/// Builds the "My team" view for a manager: their own tree, or a tree below them (never a tree they do not lead).
/// Aggregates come from <see cref="MetricsService"/> (the <c>manager</c> cut, same threshold and suppression);
/// per-person lines only for one's own direct reports, as the <c>team</c> card shows them.
/// </summary>
public sealed class TeamOverviewService(MetricsService metrics, TeamService team, IFeedbackStore feedback, IOrgDirectory directory, TimeProvider timeProvider)
{
    public static readonly TimeSpan DoneWithin = TimeSpan.FromDays(7);
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromDays(14);

    /// <summary>The weeks of history the view shows.</summary>
    public const int Weeks = 12;

    /// <summary>Null when <paramref name="managerId"/> is not the caller and not below them (or not a person).</summary>
    public async Task<TeamOverview?> ForAsync(string callerId, string managerId, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(managerId, cancellationToken) is not { } manager || !await LeadsAsync(callerId, manager, cancellationToken))
            return null;
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var report = await metrics.ReportAsync(
            new MetricsRequest(MetricsGroupBy.Manager, MetricsPeriod.Week, MetricsService.StartOf(today, MetricsPeriod.Week).AddDays(-7 * (Weeks - 1)), today, manager.Id),
            cancellationToken);
        var own = string.Equals(callerId, manager.Id, StringComparison.OrdinalIgnoreCase);
        var now = timeProvider.GetUtcNow();
        IReadOnlyList<TeamMemberLine> members = own
            ? [.. (await team.TeamAsync(manager.Id, cancellationToken)).Select(m => new TeamMemberLine(m.Person.Id, m.Person.Name, StatusOf(m.LastSharedAt, now),
                m.LastSharedAt, m.Reachability, m.GoalsOnTrack, m.GoalsBehind, m.OpenRequestsToYou, m.Away is not null, m.Away?.End, m.LighterCheckins))]
            : [];
        IReadOnlyList<WaitingRequest> waiting = own
            ? [.. (await feedback.ListOpenAsksForAsync(manager.Id, cancellationToken)).OrderBy(a => a.CreatedAt).Select(a => new WaitingRequest(a.RequesterName ?? "A colleague", a.Topic, a.CreatedAt))]
            : [];
        return new TeamOverview(manager.Id, manager.Name, report.MinGroupSize, report.Total, report.Groups, members, waiting);
    }

    private async Task<bool> LeadsAsync(string callerId, Person manager, CancellationToken cancellationToken)
    {
        if (string.Equals(callerId, manager.Id, StringComparison.OrdinalIgnoreCase))
            return true;
        await foreach (var above in ManagementChain.AboveAsync(manager.ManagerId, async id => (await directory.FindAsync(id, cancellationToken))?.ManagerId))
        {
            if (string.Equals(above, callerId, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static MemberStatus StatusOf(DateTimeOffset? lastShared, DateTimeOffset now) => lastShared switch
    {
        { } at when now - at <= DoneWithin => MemberStatus.Done,
        { } at when now - at <= OverdueAfter => MemberStatus.Pending,
        _ => MemberStatus.Overdue,
    };
}
