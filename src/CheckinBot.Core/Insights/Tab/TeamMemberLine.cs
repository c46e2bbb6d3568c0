using CheckinBot.Core.Registrations;

namespace CheckinBot.Core.Insights.Tab;

/// <summary>A direct report as the "My team" view lists them: what the <c>team</c> card shows, with a status.</summary>
/// <param name="Away">Away now (said in chat, or Outlook's automatic replies).</param>
/// <param name="AwayUntil">The end of that away, when known.</param>
/// <param name="LighterCheckins">Asked a lighter form, or less often, because they seemed tired.</param>
public sealed record TeamMemberLine(
    string Id,
    string Name,
    MemberStatus Status,
    DateTimeOffset? LastSharedAt,
    RegistrationStatus? Reachability,
    int GoalsOnTrack,
    int GoalsBehind,
    int OpenRequestsToYou,
    bool Away,
    DateTimeOffset? AwayUntil,
    bool LighterCheckins);
