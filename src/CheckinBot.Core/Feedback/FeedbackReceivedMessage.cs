using CheckinBot.Core.Messaging;

namespace CheckinBot.Core.Feedback;

/// <summary>Feedback arrived for the person it is for.</summary>
public sealed record FeedbackReceivedMessage(FeedbackNote Note, string? Topic) : OutboundMessage;
