namespace CheckinBot.Core.Feedback;

/// <summary>The <c>feedback</c> view: what I received, what I asked for, and what others asked of me.</summary>
public sealed record FeedbackOverview(IReadOnlyList<FeedbackNote> Received, IReadOnlyList<FeedbackAsk> AskedByMe, IReadOnlyList<FeedbackAsk> AskedOfMe);
