using CheckinBot.Core.Org;
using CheckinBot.Core.Registrations;

namespace CheckinBot.Core.Managers;

/// <summary>One line of the <c>team</c> view. Trends and goals come from shared check-ins only.</summary>
public sealed record TeamMember(
    Person Person,
    RegistrationStatus? Reachability,
    string? UnreachableReason,
    DateTimeOffset? LastCheckinAt,
    bool LastShared,
    IReadOnlyList<int> EnergyTrend,
    int GoalsOnTrack,
    int GoalsBehind,
    int OpenRequestsToYou);
