using CheckinBot.Core.Goals;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Goals;

/// <summary>The <c>goals</c> and <c>add goal</c> commands and the add-goal form.</summary>
public sealed class GoalsConversation(GoalService goals)
{
    public async Task ListAsync(TurnContext turn, string userId, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(GoalCards.List(await goals.ListAsync(userId, cancellationToken)), cancellationToken);

    /// <summary><c>add goal</c> opens the form; <c>add goal Learn Rust</c> adds it straight away.</summary>
    public async Task AddFromTextAsync(TurnContext turn, string userId, string title, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            await turn.SendCardAsync(GoalCards.Form(), cancellationToken);
            return;
        }
        var (goal, _, error) = await goals.AddAsync(userId, title, why: null, measure: null, targetDate: null, cancellationToken);
        await turn.SendCardAsync(goal is null ? GoalCards.Form(title, error: error) : GoalCards.Added(goal), cancellationToken);
    }

    public async Task HandleCardAsync(TurnContext turn, string userId, CardActionPayload action, CancellationToken cancellationToken)
    {
        if (action.Verb == GoalCards.FormVerb)
        {
            await turn.SendCardAsync(GoalCards.Form(), cancellationToken);
            return;
        }
        var (title, why, measure, date) = (action.GetString("title"), action.GetString("why"), action.GetString("measure"), action.GetString("targetDate"));
        var (goal, _, error) = await goals.AddAsync(userId, title, why, measure, date, cancellationToken);
        var card = goal is null ? GoalCards.Form(title, why, measure, date, error) : GoalCards.Added(goal);
        // The form is replaced in place: by the confirmation, or by itself with the message and everything typed kept.
        if (action.CardActivityId is { } cardId)
            await turn.UpdateCardAsync(cardId, card, cancellationToken);
        else
            await turn.SendCardAsync(card, cancellationToken);
    }
}
