using CheckinBot.Core.Registrations;

namespace CheckinBot.Core.Insights.Tab;

/// <summary>A direct report as the "My team" view lists them: what the <c>team</c> card shows, with a status.</summary>
public sealed record TeamMemberLine(
    string Id,
    string Name,
    MemberStatus Status,
    DateTimeOffset? LastSharedAt,
    RegistrationStatus? Reachability,
    int GoalsOnTrack,
    int GoalsBehind,
    int OpenRequestsToYou);
