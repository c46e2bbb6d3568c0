using CheckinBot.Core.Goals;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Goals;

/// <summary>The <c>goals</c> and <c>add goal</c> commands and the add-goal form.</summary>
public sealed class GoalsConversation(GoalService goals)
{
    private const string Gone = "That goal no longer exists. Type **goals** to see the current ones.";

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
        var (goal, _, error) = await goals.AddAsync(userId, title, why: null, measure: null, targetDate: null, milestones: null, cancellationToken);
        await turn.SendCardAsync(goal is null ? GoalCards.Form(title, error: error) : GoalCards.Added(goal), cancellationToken);
    }

    public Task HandleCardAsync(TurnContext turn, string userId, CardActionPayload action, CancellationToken cancellationToken)
    {
        var goalId = action.GetString("goalId") ?? "";
        return action.Verb switch
        {
            GoalCards.FormVerb => turn.SendCardAsync(GoalCards.Form(), cancellationToken),
            GoalCards.AddVerb => AddFromFormAsync(turn, userId, action, cancellationToken),
            GoalCards.ProgressFormVerb => ShowProgressFormAsync(turn, userId, goalId, cancellationToken),
            GoalCards.ProgressVerb => SaveProgressAsync(turn, userId, goalId, action, cancellationToken),
            GoalCards.CompleteVerb => SetStatusAsync(turn, userId, goalId, GoalStatus.Completed, cancellationToken),
            GoalCards.ArchiveVerb => SetStatusAsync(turn, userId, goalId, GoalStatus.Archived, cancellationToken),
            GoalCards.MilestoneVerb => TickMilestoneAsync(turn, userId, goalId, action.GetString("milestoneId") ?? "", cancellationToken),
            _ => turn.SendTextAsync("That button no longer does anything. Type **goals** to see your goals.", cancellationToken),
        };
    }

    private async Task AddFromFormAsync(TurnContext turn, string userId, CardActionPayload action, CancellationToken cancellationToken)
    {
        var (title, why, measure, date, milestones) = (action.GetString("title"), action.GetString("why"), action.GetString("measure"), action.GetString("targetDate"), action.GetString("milestones"));
        var (goal, _, error) = await goals.AddAsync(userId, title, why, measure, date, milestones, cancellationToken);
        // The form is replaced: by the confirmation, or by itself with the message and everything typed kept.
        await turn.ReplaceOrSendCardAsync(action.CardActivityId, goal is null ? GoalCards.Form(title, why, measure, date, error, milestones) : GoalCards.Added(goal), cancellationToken);
    }

    private async Task ShowProgressFormAsync(TurnContext turn, string userId, string goalId, CancellationToken cancellationToken)
    {
        var goal = await FindAsync(userId, goalId, cancellationToken);
        await (goal is null ? turn.SendTextAsync(Gone, cancellationToken) : turn.SendCardAsync(GoalCards.ProgressForm(goal), cancellationToken));
    }

    private async Task SaveProgressAsync(TurnContext turn, string userId, string goalId, CardActionPayload action, CancellationToken cancellationToken)
    {
        var (updated, error) = await goals.UpdateProgressAsync(userId, goalId, action.GetString("percent"), action.GetString("note"), cancellationToken);
        var card = updated is not null ? GoalCards.Updated(updated)
            : await FindAsync(userId, goalId, cancellationToken) is { } goal ? GoalCards.ProgressForm(goal, error, action.GetString("note"))
            : null;
        await (card is null ? turn.SendTextAsync(Gone, cancellationToken) : turn.ReplaceOrSendCardAsync(action.CardActivityId, card, cancellationToken));
    }

    private async Task SetStatusAsync(TurnContext turn, string userId, string goalId, GoalStatus status, CancellationToken cancellationToken)
    {
        var changed = await goals.SetStatusAsync(userId, goalId, status, cancellationToken);
        await (changed is null ? turn.SendTextAsync(Gone, cancellationToken) : turn.SendCardAsync(GoalCards.Updated(changed), cancellationToken));
    }

    private async Task TickMilestoneAsync(TurnContext turn, string userId, string goalId, string milestoneId, CancellationToken cancellationToken)
    {
        var goal = await goals.TickMilestoneAsync(userId, goalId, milestoneId, cancellationToken);
        var milestone = goal?.Milestones.FirstOrDefault(m => m.Id == milestoneId);
        await (milestone is null
            ? turn.SendTextAsync(Gone, cancellationToken)
            : turn.SendTextAsync($"✓ Milestone reached: **{milestone.Title}**. It's on your brag sheet.", cancellationToken));
    }

    private async Task<LearningGoal?> FindAsync(string userId, string goalId, CancellationToken cancellationToken) =>
        (await goals.ListAsync(userId, cancellationToken)).FirstOrDefault(g => g.Id == goalId);
}
