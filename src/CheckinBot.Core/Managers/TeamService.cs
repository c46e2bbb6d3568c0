using CheckinBot.Core.Away;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Feedback;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Org;
using CheckinBot.Core.Registrations;

namespace CheckinBot.Core.Managers;

/// <summary>The <c>team</c> view: a manager's current direct reports as the directory has them now.</summary>
public sealed class TeamService(
    IOrgDirectory directory,
    ICheckinStore checkins,
    IGoalStore goals,
    IFeedbackStore feedback,
    IChatRegistrationStore registrations,
    AwayService away,
    TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<TeamMember>> TeamAsync(string managerId, CancellationToken cancellationToken)
    {
        var reports = await directory.DirectReportsAsync(managerId, cancellationToken);
        var openToMe = await feedback.ListOpenAsksForAsync(managerId, cancellationToken);
        // One batched read of Outlook for the team, waited for no longer than a turn's bound; each report's preferences
        // are read once, for both lines below.
        await away.PrefetchWithinTurnAsync([.. reports.Select(p => p.Id)], cancellationToken);
        var members = new List<TeamMember>();
        foreach (var person in reports)
        {
            var preferences = await checkins.FindPreferencesAsync(person.Id, cancellationToken);
            members.Add(await MemberAsync(person, openToMe, cancellationToken) with
            {
                Away = away.FindKnown(person.Id, preferences) is { } period && period.Covers(timeProvider.GetUtcNow()) ? period : null,
                LighterCheckins = preferences?.Adaptations.Any(a => a.IsAdapted) == true,
            });
        }
        return members;
    }

    private async Task<TeamMember> MemberAsync(Person person, IReadOnlyList<FeedbackAsk> openToMe, CancellationToken cancellationToken)
    {
        var records = (await checkins.ListCheckinsAsync(person.Id, cancellationToken)).OrderBy(r => r.CompletedAt).ToList();
        var shared = records.Where(r => r.SharedWithManager).ToList();
        var registration = await registrations.FindAsync(person.Id, cancellationToken);
        // Goals count only when they appeared in the latest shared check-in: private goals stay private.
        var sharedGoalIds = shared.LastOrDefault()?.Answers.Where(a => a.Value is GoalProgressAnswer).Select(a => a.GoalId).ToHashSet() ?? [];
        var visibleGoals = (await goals.ListGoalsAsync(person.Id, cancellationToken))
            .Where(g => g.Status == GoalStatus.Active && sharedGoalIds.Contains(g.Id))
            .ToList();
        var behind = visibleGoals.Count(IsBehind);
        return new TeamMember(
            person,
            registration?.Status,
            registration?.StatusReason,
            shared.LastOrDefault()?.CompletedAt,
            [.. shared.Select(r => r.Energy).OfType<int>().TakeLast(ManagerSummaryBuilder.EnergyTrendLength)],
            visibleGoals.Count - behind,
            behind,
            openToMe.Count(a => a.RequesterId == person.Id));
    }

    /// <summary>Behind: less done than the share of time elapsed between the goal's start and its target date.</summary>
    private bool IsBehind(LearningGoal goal)
    {
        if (goal.TargetDate is not { } target)
            return false;
        var start = goal.CreatedAt;
        var end = new DateTimeOffset(target.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var elapsed = (timeProvider.GetUtcNow() - start) / (end - start);
        return goal.Percent < Math.Clamp(elapsed, 0, 1) * 100;
    }
}
