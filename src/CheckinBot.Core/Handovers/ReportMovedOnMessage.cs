using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Handovers;

/// <summary>Tells a former manager that the person now reports to someone else.</summary>
public sealed record ReportMovedOnMessage(string PersonName, string NewManagerName) : OutboundMessage;
