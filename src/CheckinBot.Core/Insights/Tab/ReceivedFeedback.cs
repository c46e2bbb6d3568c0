namespace CheckinBot.Core.Insights.Tab;

/// <summary>Feedback a person received, as their own Growth tab shows it (no storage internals).</summary>
public sealed record ReceivedFeedback(DateTimeOffset At, string From, string Text, bool IsPraise);
