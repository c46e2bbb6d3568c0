using System.Globalization;
using CheckinBot.Core.Away;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Away;

public static class AwayCards
{
    public const string SetVerb = "away.set";
    public const string BackVerb = "away.back";
    public const string UntilInput = "until";

    /// <summary><c>away</c> with no date, or one that could not be read: the day they are back, picked on a calendar.</summary>
    public static AdaptiveCard Ask(DateOnly today, string? problem = null) => new(
    [
        TextBlock.Heading("Away for a while?"),
        .. problem is null ? Array.Empty<CardElement>() : [new TextBlock(problem) { Color = "Attention" }],
        new TextBlock("I'll hold your check-ins, reminders and feedback nudges until you are back, and ask in your first working hour back if the check-in is still worth answering."),
        new DateInput(UntilInput)
        {
            Label = "The day you are back", IsRequired = true, ErrorMessage = "Pick the day you are back.",
            Min = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Max = today.AddDays(AwayDate.MaxAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
    ], [SubmitAction.ForVerb("I'm away until then", SetVerb)]);

    public static AdaptiveCard Away(DateOnly back) => new(
    [
        TextBlock.Heading($"Got it: you're away, back on {Day(back)}."),
        new TextBlock("Until then I send no check-ins, reminders or feedback nudges. A check-in that is still worth answering comes in your first working hour back; your manager sees \"away until\" in their team list."),
        TextBlock.Subtle("Back sooner? Type **back**."),
    ], [SubmitAction.ForVerb("I'm back", BackVerb)]);

    /// <param name="outlook">Outlook's automatic replies, when they still say the person is away.</param>
    public static AdaptiveCard Back(bool wasAway, AwayPeriod? outlook, string? timeZoneId) => new(
    [
        TextBlock.Heading(wasAway ? "Welcome back!" : "You weren't marked away."),
        .. outlook is { End: var end }
            ? [new TextBlock($"Your Outlook automatic replies are still on{(end is { } e ? " until " + Day(Core.Time.IanaTimeZone.LocalDate(e, timeZoneId)) : "")}, so I keep holding check-ins until they end. Turn them off in Outlook to hear from me sooner.")]
            : new CardElement[] { new TextBlock("Check-ins, reminders and nudges reach you again, in your working hours. Type **check in** any time.") },
    ]);

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
}
