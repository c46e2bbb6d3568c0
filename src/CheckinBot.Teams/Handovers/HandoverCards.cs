using System.Globalization;
using CheckinBot.Core.Handovers;
using CheckinBot.Teams.Cards;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Teams.Handovers;

/// <summary>The handover in chat: the person's consent question, their answer, the former manager's note, the new manager's history.</summary>
public static class HandoverCards
{
    public const string YesVerb = "handover.yes";
    public const string NoVerb = "handover.no";
    private const int CheckinsShown = 5;

    public static AdaptiveCard Ask(HandoverConsentMessage ask) => new(
    [
        TextBlock.Heading($"You now report to {ask.NewManagerName}"),
        new TextBlock($"May {ask.NewManagerName} see what you shared with your manager over the last {HandoverService.HistoryMonths} months: "
            + $"{Count(ask.SharedCheckins, "shared check-in")} and {Count(ask.ActiveGoals, "active goal")}? Private check-ins never move."),
        TextBlock.Subtle($"Nothing moves unless you say yes. Your previous manager no longer sees anything new from you. You can answer for {HandoverService.AnswerWithin.Days} days."),
    ],
    [
        SubmitAction.ForVerb($"Yes, share with {ask.NewManagerName}", YesVerb, ("handoverId", ask.Handover.Id)),
        SubmitAction.ForVerb("No, start fresh", NoVerb, ("handoverId", ask.Handover.Id)),
    ]);

    /// <summary>What the answer did, in place of the question.</summary>
    public static AdaptiveCard Answered(HandoverAnswer answer, string? newManagerName) => new(
    [
        new TextBlock(answer switch
        {
            HandoverAnswer.Shared => $"Done: {newManagerName} gets a summary of what you shared and your active goals.",
            HandoverAnswer.Kept => $"Nothing was shared: {newManagerName} starts from what you share from now on.",
            HandoverAnswer.AlreadyAnswered => "You answered this already; that answer stands.",
            HandoverAnswer.Expired => "This question has expired, so nothing was shared. Your check-ins from now on are shared as you choose.",
            HandoverAnswer.ManagerChangedAgain => $"{newManagerName} is no longer your manager, so nothing was shared.",
            _ => "This question is no longer in your log, so nothing was shared.",
        }),
    ]);

    public static AdaptiveCard MovedOn(ReportMovedOnMessage moved) => new(
    [
        new TextBlock($"{moved.PersonName} now reports to {moved.NewManagerName}."),
        TextBlock.Subtle("You no longer get their check-ins. What they shared with you before stays in this chat."),
    ]);

    /// <summary>The history for the new manager: only shared check-ins (newest first) and active goals.</summary>
    public static AdaptiveCard History(HandoverMessage history)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading($"{history.PersonName} shared their growth history with you"),
            TextBlock.Subtle($"Since {history.Since.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}: {Count(history.SharedCheckins.Count, "shared check-in")}, {Count(history.ActiveGoals.Count, "active goal")}."),
        };
        var energy = history.SharedCheckins.Select(r => r.Energy).OfType<int>().ToList();
        if (energy.Count > 0)
            body.Add(new TextBlock($"Energy: {string.Join(" → ", Enumerable.Reverse(energy))} (oldest to newest)"));
        foreach (var record in history.SharedCheckins.Take(CheckinsShown))
        {
            body.Add(new TextBlock(record.CompletedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)) { Weight = "Bolder", Spacing = "Medium" });
            body.Add(new FactSet([.. record.Answers.Where(a => a.Purpose != Core.QuestionSets.QuestionPurpose.GoalProgress)
                .Select(a => new Fact(a.Prompt, a.DisplayText))]) { Spacing = "None" });
        }
        if (history.ActiveGoals.Count > 0)
        {
            body.Add(new TextBlock("Active goals") { Weight = "Bolder", Spacing = "Medium" });
            body.Add(new FactSet([.. history.ActiveGoals.Select(g => new Fact(g.Title, $"{g.Percent}%"
                + (g.TargetDate is { } target ? $", by {target.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}" : "")))]) { Spacing = "None" });
        }
        return new AdaptiveCard(body);
    }

    private static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
