namespace CheckinBot.Core.Insights.Tab;

/// <summary>
/// The Growth tab's "My team" view: the tree's aggregates by week under the anonymity threshold (<see cref="Tree"/> is
/// suppressed, with no number, when it is under it), the sub-teams likewise, and for one's own team the direct reports'
/// status and the feedback requests waiting.
/// </summary>
public sealed record TeamOverview(
    string ManagerId,
    string Name,
    int MinGroupSize,
    GroupFigures Tree,
    IReadOnlyList<GroupFigures> SubTeams,
    IReadOnlyList<TeamMemberLine> Members,
    IReadOnlyList<WaitingRequest> Waiting);
