using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Managers;

/// <summary>A direct report shared a check-in: what the manager needs to coach, with the energy trend over recent shared check-ins.</summary>
public sealed record ManagerSummaryMessage(Person Employee, CheckinRecord Record, IReadOnlyList<int> EnergyTrend, IReadOnlyList<GoalSummaryLine> Goals)
    : OutboundMessage;
