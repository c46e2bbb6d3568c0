using CheckinBot.Core.CheckIns;
using CheckinBot.Core.Commands;
using CheckinBot.Core.Org;
using CheckinBot.Teams.Bot;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Teams.CheckIns;

/// <summary>Maps chat and card input onto <see cref="CheckinService"/> and its replies onto cards.</summary>
public sealed class CheckinConversation(CheckinService checkins, Core.Fatigue.FatigueService fatigue, IOrgDirectory directory, PersonZones zones, TimeProvider timeProvider) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.CheckIn, (r, ct) => StartAsync(r.Turn, r.UserId, ct))
        .Command(ChatCommandKind.Snooze, (r, ct) => r.Turn.SendCardAsync(CheckinCards.SnoozeOptions(), ct))
        .Command(ChatCommandKind.Skip, (r, ct) => SkipCycleAsync(r.Turn, r.UserId, ct))
        .Command(ChatCommandKind.FullCheckins, async (r, ct) => await r.Turn.SendCardAsync(CheckinCards.FullCheckins(await fatigue.ChooseFullAsync(r.UserId, ct)), ct))
        .Verb(CheckinCards.StartVerb, (r, ct) => StartAsync(r.Turn, r.UserId, ct))
        .Verb(CheckinCards.SnoozeVerb, SnoozeAsync)
        .Verb(CheckinCards.AnswerVerb, (r, ct) => HandleCardAsync(r, new DialogueInput.Answer(r.Get(CheckinCards.ValueInput) ?? ""), ct))
        .Verb(CheckinCards.ProgressVerb, (r, ct) => HandleCardAsync(r, new DialogueInput.Progress(r.Get(CheckinCards.ValueInput), r.Get(CheckinCards.NoteInput), r.Get(CheckinCards.MilestoneField)), ct))
        .Verb(CheckinCards.SkipVerb, (r, ct) => HandleCardAsync(r, new DialogueInput.Skip(), ct))
        .Verb(CheckinCards.BackVerb, (r, ct) => HandleCardAsync(r, new DialogueInput.Back(), ct))
        .Verb(CheckinCards.CancelVerb, (r, ct) => HandleCardAsync(r, new DialogueInput.Cancel(), ct))
        .Verb(CheckinCards.ShareVerb, (r, ct) => HandleCardAsync(r, new DialogueInput.Share(r.Get("share") == "true"), ct));

    /// <summary>Starts a check-in, or shows where the open one is (a second start never opens a second draft).</summary>
    public async Task StartAsync(TurnContext turn, string userId, CancellationToken cancellationToken) =>
        await RespondAsync(turn, await checkins.StartOrResumeAsync(userId, occurrenceId: null, cancellationToken), fromCard: false, cancellationToken);

    /// <summary>
    /// While a check-in is open, typed text answers the current question (skip/back/cancel/snooze steer it), except a
    /// message that is exactly another command, which is that command: the check-in waits where it was.
    /// </summary>
    public async Task<TypedTextOutcome> HandleTextAsync(ChatRequest request, string text, CancellationToken cancellationToken)
    {
        var (turn, userId) = (request.Turn, request.UserId);
        var draft = await checkins.FindDraftAsync(userId, cancellationToken);
        if (draft is null || draft.Stage == DraftStage.Paused)
            return TypedTextOutcome.NoCheckinOpen;
        // "back" steers the check-in; "away until …" is a command even with its date (it pauses the check-in).
        if (request.Command is { Kind: not (ChatCommandKind.Unknown or ChatCommandKind.Skip or ChatCommandKind.Snooze or ChatCommandKind.CheckIn or ChatCommandKind.Back), Argument.Length: 0 }
            or { Kind: ChatCommandKind.Away })
            return TypedTextOutcome.CommandWhileOpen;

        if (request.Command.Kind == ChatCommandKind.Snooze)
        {
            await turn.SendCardAsync(CheckinCards.SnoozeOptions(), cancellationToken);
            return TypedTextOutcome.Handled;
        }
        DialogueInput input = request.Command.Kind switch
        {
            ChatCommandKind.Skip => new DialogueInput.Skip(),
            _ when IsWord(text, "back") => new DialogueInput.Back(),
            _ when IsWord(text, "cancel") => new DialogueInput.Cancel(),
            _ => new DialogueInput.Answer(text),
        };
        var result = await checkins.HandleAsync(userId, turn.Activity.Id, input, cancellationToken);
        if (result is not null)
            await RespondAsync(turn, result, fromCard: false, cancellationToken, await ShareNoteAsync(userId, result, cancellationToken));
        return TypedTextOutcome.Handled;
    }

    /// <summary>After a command typed mid-check-in: the question the check-in still waits at (nothing when it is gone).</summary>
    public async Task ShowWaitingAsync(TurnContext turn, string userId, CancellationToken cancellationToken)
    {
        var draft = await checkins.FindDraftAsync(userId, cancellationToken);
        if (draft is { Stage: DraftStage.Answering })
            await turn.SendCardAsync(CheckinCards.Question(draft, "Your check-in is still open: here is where you left it."), cancellationToken);
        else if (draft is { Stage: DraftStage.Recap })
            await turn.SendCardAsync(CheckinCards.Recap(draft, "Your check-in is still open: here is where you left it."), cancellationToken);
    }

    /// <summary><c>skip</c> outside a check-in: skip this cycle.</summary>
    public async Task SkipCycleAsync(TurnContext turn, string userId, CancellationToken cancellationToken)
    {
        await checkins.SkipCycleAsync(userId, cancellationToken);
        await turn.SendCardAsync(CheckinCards.Skipped(), cancellationToken);
    }

    private async Task SnoozeAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var choice = Enum.TryParse<SnoozeChoice>(request.Get("until"), out var c) ? c : SnoozeChoice.OneDay;
        var zone = await zones.FindAsync(request.UserId, person: null, cancellationToken);
        var until = Snooze.Until(choice, timeProvider.GetUtcNow(), zone);
        await checkins.SnoozeAsync(request.UserId, until, cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, CheckinCards.Snoozed(until, zone), cancellationToken);
    }

    private async Task HandleCardAsync(CardRequest request, DialogueInput input, CancellationToken cancellationToken)
    {
        var (turn, action) = (request.Turn, request.Action);
        var result = await checkins.HandleAsync(request.UserId, turn.Activity.Id, input with { StepKey = request.Get("step") }, cancellationToken);
        if (result is null)
        {
            await turn.SendTextAsync("That check-in is already finished. Type **check in** to start a new one.", cancellationToken);
            return;
        }
        if (!result.IsDuplicate && action.CardActivityId is { } cardId && result.Before is { } before
            && result.Reply.Kind is not (DialogueReplyKind.Invalid or DialogueReplyKind.Stale))
        {
            await ReplaceClickedCardAsync(turn, cardId, before, result, await ShareNoteAsync(request.UserId, result, cancellationToken), cancellationToken);
        }
        await RespondAsync(turn, result, fromCard: action.CardActivityId is not null, cancellationToken);
    }

    /// <summary>
    /// For a check-in just shared, what the person should know about where it goes when the directory cannot say: not
    /// known yet (someone the sync has not reached, or Graph is down: the summary waits for it), or no manager at all.
    /// </summary>
    private async Task<string?> ShareNoteAsync(string userId, CheckinTurn result, CancellationToken cancellationToken)
    {
        if (result is not { IsDuplicate: false, Completed.SharedWithManager: true })
            return null;
        return await directory.FindAsync(userId, cancellationToken) switch
        {
            null => "Your manager isn't known to me yet: the summary goes to them as soon as the org directory has you.",
            { ManagerId: null } => "The org directory lists no manager for you, so no summary goes out; it stays in your growth log.",
            _ => null,
        };
    }

    /// <summary>The clicked card becomes a record of what was answered, so its buttons cannot be clicked again.</summary>
    private static async Task ReplaceClickedCardAsync(TurnContext turn, string cardId, CheckinDraft before, CheckinTurn result, string? shareNote, CancellationToken cancellationToken)
    {
        var replacement = result.Completed is not null ? CheckinCards.Completed(result.Completed, shareNote)
            : before.CurrentStep is not { } step ? CheckinCards.Answered("Your check-in", "Back to the questions")
            : CheckinCards.Answered(step.Prompt, result.Reply.Kind == DialogueReplyKind.Paused ? "Paused" : result.Draft.Answers.GetValueOrDefault(step.Key)?.ToDisplayText());
        await turn.UpdateCardAsync(cardId, replacement, cancellationToken);
    }

    private static async Task RespondAsync(TurnContext turn, CheckinTurn result, bool fromCard, CancellationToken cancellationToken, string? shareNote = null)
    {
        if (result.IsDuplicate)
            return;
        var draft = result.Draft;
        switch (result.Reply.Kind)
        {
            case DialogueReplyKind.Ask:
                await turn.SendCardAsync(CheckinCards.Question(draft, result.Reply.Message), cancellationToken);
                break;
            case DialogueReplyKind.Recap:
                await turn.SendCardAsync(CheckinCards.Recap(draft, result.Reply.Message), cancellationToken);
                break;
            case DialogueReplyKind.Paused:
                await turn.SendCardAsync(CheckinCards.Paused(), cancellationToken);
                break;
            case DialogueReplyKind.Completed when !fromCard: // a click already turned the recap into the result
                await turn.SendCardAsync(CheckinCards.Completed(result.Completed!, shareNote), cancellationToken);
                break;
            case DialogueReplyKind.Completed:
                break;
            default:
                // Say what went wrong and show where we are, with everything answered so far intact.
                await turn.SendTextAsync(result.Reply.Message!, cancellationToken);
                if (draft.Stage == DraftStage.Recap)
                    await turn.SendCardAsync(CheckinCards.Recap(draft), cancellationToken);
                else if (result.Reply.Kind == DialogueReplyKind.Stale && draft.Stage == DraftStage.Answering)
                    await turn.SendCardAsync(CheckinCards.Question(draft), cancellationToken);
                break;
        }
    }

    private static bool IsWord(string text, string word) =>
        text.Trim().TrimEnd('.', '!').Equals(word, StringComparison.OrdinalIgnoreCase);
}
