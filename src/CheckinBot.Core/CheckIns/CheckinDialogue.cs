namespace CheckinBot.Core.CheckIns;

/// <summary>What the person did: typed an answer, clicked a card button, or said skip/back/cancel.</summary>
public abstract record DialogueInput
{
    /// <summary>The step the clicked card was showing; null for typed text, which always answers the current step.</summary>
    public string? StepKey { get; init; }

    public sealed record Answer(string Text) : DialogueInput;

    /// <summary>The goal card: percentage and note inputs, or a milestone button.</summary>
    public sealed record Progress(string? Percent, string? Note, string? MilestoneId) : DialogueInput;

    public sealed record Skip : DialogueInput;

    public sealed record Back : DialogueInput;

    public sealed record Cancel : DialogueInput;

    public sealed record Reopen : DialogueInput;

    public sealed record Share(bool WithManager) : DialogueInput;
}

public enum DialogueReplyKind
{
    /// <summary>Ask <see cref="CheckinDraft.CurrentStep"/>.</summary>
    Ask,

    /// <summary>The answer was not accepted; <see cref="DialogueReply.Message"/> says why. Nothing was lost.</summary>
    Invalid,

    /// <summary>Show every answer and ask share or private.</summary>
    Recap,

    /// <summary>Cancelled; the draft is kept.</summary>
    Paused,

    /// <summary>Shared or kept private: the check-in is done. <see cref="DialogueReply.SharedWithManager"/> says which.</summary>
    Completed,

    /// <summary>A button on a card that no longer matches where the check-in is; nothing changed.</summary>
    Stale,
}

public sealed record DialogueReply(DialogueReplyKind Kind, string? Message = null, bool SharedWithManager = false);

/// <summary>
/// The check-in conversation as a pure state machine: (draft, input) → (draft, reply). No I/O and no clock of its
/// own, so every command at every step can be tested directly.
/// </summary>
public static class CheckinDialogue
{
    /// <summary>Step key that recap cards carry, so a click on the current recap is told from an old question card.</summary>
    public const string RecapKey = "recap";

    /// <summary>A draft untouched this long is greeted on return, so the person knows why old answers are there.</summary>
    public static readonly TimeSpan IdleBeforeWelcomeBack = TimeSpan.FromHours(12);

    private static readonly DialogueReply AskReply = new(DialogueReplyKind.Ask);
    private static readonly DialogueReply RecapReply = new(DialogueReplyKind.Recap);

    public static (CheckinDraft Draft, DialogueReply Reply) Apply(CheckinDraft draft, DialogueInput input, DateTimeOffset now)
    {
        var (next, reply) = ApplyCore(draft, input);
        if (input is DialogueInput.Reopen && now - draft.UpdatedAt > IdleBeforeWelcomeBack && reply.Message is null)
        {
            var started = draft.StartedAt.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);
            reply = reply with { Message = $"Welcome back! You started this check-in on {started}; your answers so far are kept." };
        }
        return (next == draft ? draft : next with { UpdatedAt = now }, reply);
    }

    private static (CheckinDraft, DialogueReply) ApplyCore(CheckinDraft draft, DialogueInput input)
    {
        switch (input)
        {
            case DialogueInput.Cancel:
                return (draft with { Stage = DraftStage.Paused }, new DialogueReply(DialogueReplyKind.Paused));
            case DialogueInput.Reopen when draft.Current >= draft.Steps.Count:
                return (draft with { Stage = DraftStage.Recap }, RecapReply);
            case DialogueInput.Reopen:
                return Move(draft with { Stage = DraftStage.Answering }, draft.Current, forward: true);
        }
        return draft.Stage switch
        {
            DraftStage.Paused => (draft, new DialogueReply(DialogueReplyKind.Stale, "This check-in is paused. Type **check in** to pick it up where you left off.")),
            DraftStage.Recap => ApplyAtRecap(draft, input),
            _ => ApplyToQuestion(draft, draft.CurrentStep!, input),
        };
    }

    private static (CheckinDraft, DialogueReply) ApplyToQuestion(CheckinDraft draft, CheckinStep step, DialogueInput input)
    {
        if (input.StepKey is not null && input.StepKey != step.Key)
            return (draft, new DialogueReply(DialogueReplyKind.Stale, "That card is from another question, so I left your answers as they are."));

        switch (input)
        {
            case DialogueInput.Back when FirstAskable(draft, draft.Current - 1, forward: false) < 0:
                return (draft, new DialogueReply(DialogueReplyKind.Ask, "This is the first question."));
            case DialogueInput.Back:
                return Move(draft, draft.Current - 1, forward: false);
            case DialogueInput.Skip:
                return Move(draft with { Answers = draft.Answers.Remove(step.Key) }, draft.Current + 1, forward: true);
            case DialogueInput.Answer or DialogueInput.Progress:
                var (value, error) = input is DialogueInput.Progress p
                    ? AnswerValidation.ValidateProgress(step, p.Percent, p.Note, p.MilestoneId)
                    : AnswerValidation.Validate(step, ((DialogueInput.Answer)input).Text);
                return error is not null
                    ? (draft, new DialogueReply(DialogueReplyKind.Invalid, error))
                    : Move(draft with { Answers = draft.Answers.SetItem(step.Key, value!) }, draft.Current + 1, forward: true);
            default:
                return (draft, new DialogueReply(DialogueReplyKind.Invalid, "Please answer the question, or type **skip**, **back** or **cancel**."));
        }
    }

    private static (CheckinDraft, DialogueReply) ApplyAtRecap(CheckinDraft draft, DialogueInput input)
    {
        if (input.StepKey is not null && input.StepKey != RecapKey)
            return (draft, new DialogueReply(DialogueReplyKind.Stale, "That card is from an earlier question; all your answers are in the summary."));
        return input switch
        {
            DialogueInput.Share share => (draft, new DialogueReply(DialogueReplyKind.Completed, SharedWithManager: share.WithManager)),
            DialogueInput.Back => Move(draft with { Stage = DraftStage.Answering }, draft.Steps.Count - 1, forward: false),
            DialogueInput.Answer { Text: var text } when AnswerValidation.ParseShare(text) is { } withManager =>
                (draft, new DialogueReply(DialogueReplyKind.Completed, SharedWithManager: withManager)),
            _ => (draft, new DialogueReply(DialogueReplyKind.Invalid, "Type **share** to send this to your manager, or **private** to keep it to yourself.")),
        };
    }

    /// <summary>Goes to the nearest askable step in the direction of travel; past the last one is the recap.</summary>
    private static (CheckinDraft, DialogueReply) Move(CheckinDraft draft, int index, bool forward)
    {
        var target = FirstAskable(draft, index, forward);
        return target >= draft.Steps.Count
            ? (draft with { Stage = DraftStage.Recap, Current = draft.Steps.Count }, RecapReply)
            : (draft with { Stage = DraftStage.Answering, Current = Math.Max(target, 0) }, AskReply);
    }

    private static int FirstAskable(CheckinDraft draft, int index, bool forward)
    {
        while (index >= 0 && index < draft.Steps.Count && !draft.IsAskable(draft.Steps[index]))
            index += forward ? 1 : -1;
        return index;
    }
}
