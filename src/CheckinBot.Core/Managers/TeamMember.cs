using CheckinBot.Core.Away;
using CheckinBot.Core.Org;
using CheckinBot.Core.Registrations;

namespace CheckinBot.Core.Managers;

/// <summary>
/// One line of the <c>team</c> view. Everything comes from shared check-ins only: of a private one the manager sees
/// nothing, not even that it happened (what the share-or-keep-private question tells the person).
/// </summary>
/// <param name="Away">When the report is away now (said in chat, or Outlook's automatic replies): until when, if known.</param>
/// <param name="LighterCheckins">A cadence asks them its lighter form, or less often, because they seemed tired (not the signal's figures).</param>
public sealed record TeamMember(
    Person Person,
    RegistrationStatus? Reachability,
    string? UnreachableReason,
    DateTimeOffset? LastSharedAt,
    IReadOnlyList<int> EnergyTrend,
    int GoalsOnTrack,
    int GoalsBehind,
    int OpenRequestsToYou,
    AwayPeriod? Away = null,
    bool LighterCheckins = false);
