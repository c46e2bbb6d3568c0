using CheckinBot.Core.Feedback;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;
using CheckinBot.Teams.Cards;
using CheckinBot.Teams.Feedback;
using CheckinBot.Teams.Managers;

namespace CheckinBot.Teams.Proactive;

/// <summary>How each Core message looks in Teams. A new kind of message is one line here.</summary>
public static class OutboundCards
{
    public static AdaptiveCard Render(OutboundMessage message) => message switch
    {
        ManagerSummaryMessage summary => ManagerCards.Summary(summary),
        FeedbackReceivedMessage received => FeedbackCards.Received(received.Note, received.Topic),
        FeedbackAskedMessage asked => FeedbackCards.Asked(asked.Ask),
        FeedbackNudgeMessage nudge => FeedbackCards.Asked(nudge.Ask, nudge.DaysWaiting),
        _ => throw new NotSupportedException($"No card for {message.GetType().Name}."),
    };
}
