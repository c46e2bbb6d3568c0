using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Feedback;

/// <summary>A gentle reminder of a request that has waited; carries the request so it can be answered right there.</summary>
public sealed record FeedbackNudgeMessage(FeedbackAsk Ask, int DaysWaiting) : OutboundMessage;
