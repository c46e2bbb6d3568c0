using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Feedback;

/// <summary>Someone asks the recipient for feedback; the card lets them answer in place.</summary>
public sealed record FeedbackAskedMessage(FeedbackAsk Ask) : OutboundMessage;
