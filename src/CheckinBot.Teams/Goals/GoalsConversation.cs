using CheckinBot.Core.Commands;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Goals;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.Goals;

/// <summary>The <c>goals</c> and <c>add goal</c> commands and the add-goal form.</summary>
public sealed class GoalsConversation(GoalService goals, JourneyService journeys) : IChatFeature
{
    private const string Gone = "That goal no longer exists. Type **goals** to see the current ones.";

    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Goals, (r, ct) => ListAsync(r.Turn, r.UserId, ct))
        .Command(ChatCommandKind.AddGoal, (r, ct) => AddFromTextAsync(r.Turn, r.UserId, r.Command.Argument, ct))
        .Verb(GoalCards.FormVerb, (r, ct) => r.Turn.SendCardAsync(GoalCards.Form(), ct))
        .Verb(GoalCards.AddVerb, (r, ct) => AddFromFormAsync(r.Turn, r.UserId, r.Action, ct))
        .Verb(GoalCards.ProgressFormVerb, (r, ct) => ShowProgressFormAsync(r.Turn, r.UserId, GoalId(r), ct))
        .Verb(GoalCards.ProgressVerb, (r, ct) => SaveProgressAsync(r.Turn, r.UserId, GoalId(r), r.Action, ct))
        .Verb(GoalCards.CompleteVerb, (r, ct) => SetStatusAsync(r.Turn, r.UserId, GoalId(r), GoalStatus.Completed, ct))
        .Verb(GoalCards.ArchiveVerb, (r, ct) => SetStatusAsync(r.Turn, r.UserId, GoalId(r), GoalStatus.Archived, ct))
        .Verb(GoalCards.MilestoneVerb, (r, ct) => TickMilestoneAsync(r.Turn, r.UserId, GoalId(r), r.Id("milestoneId"), ct));

    public async Task ListAsync(TurnContext turn, string userId, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(GoalCards.List(await goals.ListAsync(userId, cancellationToken), await journeys.ForAsync(userId, cancellationToken)), cancellationToken);

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

    private static string GoalId(CardRequest request) => request.Id("goalId");

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
