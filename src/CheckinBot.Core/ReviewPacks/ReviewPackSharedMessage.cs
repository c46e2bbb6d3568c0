using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.ReviewPacks;

/// <summary>To the manager: a report shared their review pack; the link opens the manager's copy.</summary>
public sealed record ReviewPackSharedMessage(string PersonName, DateOnly From, DateOnly To, int Lines, Uri Link) : OutboundMessage;
