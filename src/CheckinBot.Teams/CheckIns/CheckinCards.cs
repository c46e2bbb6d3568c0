using System.Globalization;
using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Time;
using CheckinBot.Teams.Cards;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Teams.CheckIns;

/// <summary>The check-in as compact cards: one per question, a recap, and the answered/finished states that replace them.</summary>
public static class CheckinCards
{
    public const string AnswerVerb = "checkin.answer";
    public const string ProgressVerb = "checkin.progress";
    public const string SkipVerb = "checkin.skip";
    public const string BackVerb = "checkin.back";
    public const string CancelVerb = "checkin.cancel";
    public const string ShareVerb = "checkin.share";
    public const string StartVerb = "checkin.start";
    public const string SnoozeVerb = "checkin.snooze";

    /// <summary>Input ids on question cards; Teams merges them into the submit data.</summary>
    public const string ValueInput = "value";
    public const string NoteInput = "note";

    /// <summary>The data field a milestone button carries: the milestone's id.</summary>
    public const string MilestoneField = "milestoneId";

    public static AdaptiveCard Question(CheckinDraft draft, string? notice = null)
    {
        var step = draft.CurrentStep!;
        var askable = draft.Steps.Where(draft.IsAskable).ToList();
        var position = askable.IndexOf(step) + 1;
        var body = new List<CardElement>();
        if (notice is not null)
            body.Add(new TextBlock(notice) { Color = "Accent" });
        body.Add(TextBlock.Subtle($"Check-in · question {position} of {askable.Count}"));
        body.Add(new TextBlock(step.Prompt) { Weight = "Bolder" });

        var actions = new List<CardAction>();
        switch (step.Kind)
        {
            case QuestionKind.Scale:
                body.Add(new ActionSet([.. Enumerable.Range(1, 5).Select(n => Answer(step, n.ToString(CultureInfo.InvariantCulture)))]));
                break;
            case QuestionKind.YesNo:
                body.Add(new ActionSet([Answer(step, "Yes", "yes"), Answer(step, "No", "no")]));
                break;
            case QuestionKind.Choice:
                body.Add(new ActionSet([.. (step.Choices ?? []).Select(c => Answer(step, c))]));
                break;
            case QuestionKind.GoalProgress:
                body.Add(new NumberInput(ValueInput) { Label = "Progress (%)", Min = 0, Max = 100, Placeholder = "0–100", IsRequired = true, ErrorMessage = "A number from 0 to 100" });
                body.Add(new TextInput(NoteInput) { Label = "Note (optional)", MaxLength = 500, Placeholder = "What moved?" });
                if (step.OpenMilestones.Count > 0)
                {
                    body.Add(TextBlock.Subtle("Or tick a milestone you reached:"));
                    body.Add(new ActionSet([.. step.OpenMilestones.Select(m =>
                        Submit("Done: " + m.Title, ProgressVerb, step.Key, (MilestoneField, m.Id)) with { AssociatedInputs = "none" })]));
                }
                actions.Add(Submit("Next", ProgressVerb, step.Key));
                break;
            default:
                body.Add(new TextInput(ValueInput) { IsMultiline = true, MaxLength = step.MaxLength, Placeholder = "Your answer" });
                actions.Add(Submit("Next", AnswerVerb, step.Key));
                break;
        }
        body.Add(TextBlock.Subtle("You can also type your answer, or **skip**, **back**, **cancel**."));
        // Only "Next" reads the inputs: the other buttons must work with a required field left empty.
        if (position > 1)
            actions.Add(Submit("Back", BackVerb, step.Key) with { AssociatedInputs = "none" });
        actions.Add(Submit("Skip", SkipVerb, step.Key) with { AssociatedInputs = "none" });
        actions.Add(Submit("Finish later", CancelVerb, step.Key) with { AssociatedInputs = "none" });
        return new AdaptiveCard(body, actions);
    }

    public static AdaptiveCard Recap(CheckinDraft draft, string? notice = null)
    {
        var body = new List<CardElement>();
        if (notice is not null)
            body.Add(new TextBlock(notice) { Color = "Accent" });
        body.Add(TextBlock.Heading("Your check-in"));
        body.AddRange(AnswerBlocks(draft.AnsweredSteps.Select(a => (a.Step.Prompt, a.Answer.ToDisplayText()))));
        body.Add(new TextBlock("Share it with your manager, or keep it private? Private means your manager sees nothing of it, not even that it happened. Either way it stays in your growth log."));
        return new AdaptiveCard(body,
        [
            Submit("Share with my manager", ShareVerb, CheckinDialogue.RecapKey, ("share", "true")),
            Submit("Keep private", ShareVerb, CheckinDialogue.RecapKey, ("share", "false")),
            Submit("Back", BackVerb, CheckinDialogue.RecapKey),
        ]);
    }

    /// <summary>Replaces a question card once answered, so no stale buttons stay in the chat.</summary>
    public static AdaptiveCard Answered(string prompt, string? answer) => new(
    [
        TextBlock.Subtle(prompt),
        new TextBlock(answer is null ? "Skipped" : "✓ " + answer) { IsSubtle = answer is null },
    ]);

    /// <param name="shareNote">Where a shared check-in goes when the org directory cannot say (no manager known yet).</param>
    public static AdaptiveCard Completed(CheckinRecord record, string? shareNote = null) => new(
    [
        TextBlock.Heading(record.SharedWithManager ? "Check-in shared with your manager" : "Check-in saved privately"),
        .. shareNote is null ? Array.Empty<CardElement>() : [new TextBlock(shareNote) { Color = "Warning" }],
        .. AnswerBlocks(record.Answers.Select(a => (a.Prompt, a.DisplayText))),
        TextBlock.Subtle("Type **goals** to see your goals, **check in** any time for another check-in."),
    ]);

    public static AdaptiveCard Paused() => new(
    [
        new TextBlock("Paused. Your answers are saved as a draft."),
        TextBlock.Subtle("Pick it up whenever you like."),
    ], [Submit("Continue check-in", StartVerb, null)]);

    public static AdaptiveCard SnoozeOptions() => new(
    [
        new TextBlock("Not a good moment? I won't start a scheduled check-in until:"),
    ],
    [
        Submit("Tomorrow", SnoozeVerb, null, ("until", nameof(SnoozeChoice.OneDay))),
        Submit("Monday morning", SnoozeVerb, null, ("until", nameof(SnoozeChoice.UntilMonday))),
    ]);

    public static AdaptiveCard Snoozed(DateTimeOffset until, string? timeZoneId) => new(
    [
        new TextBlock($"Snoozed until {Local(until, timeZoneId)}.") { Weight = "Bolder" },
        TextBlock.Subtle("Type **check in** whenever you want to do it sooner; anything you already answered is kept."),
    ]);

    /// <param name="wasLighter">They were on a lighter form of some cadence's check-in.</param>
    public static AdaptiveCard FullCheckins(bool wasLighter) => new(
    [
        new TextBlock(wasLighter ? "Back to full check-ins." : "You're on full check-ins already.") { Weight = "Bolder" },
        TextBlock.Subtle("I won't shorten your check-ins again. **snooze** or **skip** still work whenever a week is too much."),
    ]);

    public static AdaptiveCard Skipped() => new(
    [
        new TextBlock("Skipped this cycle. See you next time.") { Weight = "Bolder" },
        TextBlock.Subtle("Answers you already gave are kept; **check in** picks them up whenever you like."),
    ]);

    private static string Local(DateTimeOffset at, string? timeZoneId)
    {
        var zone = IanaTimeZone.FindOrUtc(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return local.ToString("dddd d MMM, HH:mm", CultureInfo.InvariantCulture) + (zone == TimeZoneInfo.Utc ? " UTC" : "");
    }

    private static IEnumerable<CardElement> AnswerBlocks(IEnumerable<(string Prompt, string Answer)> answers) =>
        answers.SelectMany(a => new CardElement[] { new TextBlock(a.Prompt) { IsSubtle = true, Spacing = "Medium" }, new TextBlock(a.Answer) { Spacing = "None" } });

    /// <summary>A button that is the answer itself; it must not pick up (or be blocked by) the card's inputs.</summary>
    private static SubmitAction Answer(CheckinStep step, string title, string? value = null) =>
        Submit(title, AnswerVerb, step.Key, (ValueInput, value ?? title)) with { AssociatedInputs = "none" };

    private static SubmitAction Submit(string title, string verb, string? stepKey, params (string Key, object? Value)[] extra) =>
        SubmitAction.ForVerb(title, verb, [("step", stepKey), .. extra]);
}
