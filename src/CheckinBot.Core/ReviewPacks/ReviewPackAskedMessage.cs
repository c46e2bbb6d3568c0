using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.ReviewPacks;

/// <summary>To a report: their manager asks for their review pack ahead of a review. The person decides.</summary>
public sealed record ReviewPackAskedMessage(string ManagerName) : OutboundMessage;
