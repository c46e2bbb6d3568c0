using CheckinBot.Core.Feedback;
using CheckinBot.Core.Managers;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Runs;
using CheckinBot.Teams.Cards;
using CheckinBot.Teams.Feedback;
using CheckinBot.Teams.Managers;
using CheckinBot.Core.QuestionSets;

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
        Core.Handovers.HandoverConsentMessage ask => Handovers.HandoverCards.Ask(ask),
        Core.Handovers.ReportMovedOnMessage moved => Handovers.HandoverCards.MovedOn(moved),
        Core.Handovers.HandoverMessage history => Handovers.HandoverCards.History(history),
        Core.ReviewPacks.ReviewPackSharedMessage shared => ReviewPacks.ReviewPackCards.SharedWithYou(shared),
        Core.ReviewPacks.ReviewPackAskedMessage asked => ReviewPacks.ReviewPackCards.Asked(asked),
        CheckinQuestionMessage { IsReminder: true } reminder => reminder.Draft.CurrentStep is null
            ? CheckIns.CheckinCards.Recap(reminder.Draft, $"A gentle reminder: your {reminder.CadenceName} is nearly done, just choose who sees it.")
            : CheckIns.CheckinCards.Question(reminder.Draft, $"A gentle reminder: your {reminder.CadenceName} is waiting, right where you left it."),
        CheckinQuestionMessage question => question.Draft.CurrentStep is null
            ? CheckIns.CheckinCards.Recap(question.Draft, $"Time for your {question.CadenceName}: your answers so far are kept.")
            : CheckIns.CheckinCards.Question(question.Draft, $"Time for your {question.CadenceName}." + (question.Note is { } note ? " " + note : "")),
        _ => throw new NotSupportedException($"No card for {message.GetType().Name}."),
    };
}
