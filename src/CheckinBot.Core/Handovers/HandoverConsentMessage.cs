using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Handovers;

/// <summary>Asks the person whether their new manager may see their shared check-ins and active goals of the last months.</summary>
public sealed record HandoverConsentMessage(ManagerHandover Handover, string NewManagerName, int SharedCheckins, int ActiveGoals) : OutboundMessage;
