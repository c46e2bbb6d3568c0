using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.Goals;
using CheckinBot.Core.Org;

namespace CheckinBot.Core.Managers;

/// <summary>What a manager summary says: the check-in, the energy trend over recent shared ones, each goal's move since the previous one.</summary>
public sealed class ManagerSummaryBuilder(ICheckinStore checkins, IGoalStore goals)
{
    public const int EnergyTrendLength = 5;

    /// <summary>The summary: energy trend over recent shared check-ins, each goal's move since the previous one.</summary>
    public async Task<ManagerSummaryMessage> BuildAsync(Person employee, CheckinRecord record, CancellationToken cancellationToken) =>
        await BuildAsync(employee, record, await checkins.ListCheckinsAsync(employee.Id, cancellationToken), cancellationToken);

    /// <param name="history">The person's check-ins, when the caller has read them already.</param>
    public async Task<ManagerSummaryMessage> BuildAsync(Person employee, CheckinRecord record, IReadOnlyList<CheckinRecord> history, CancellationToken cancellationToken)
    {
        var shared = history
            .Where(r => r.SharedWithManager && r.CompletedAt <= record.CompletedAt)
            .OrderBy(r => r.CompletedAt)
            .ToList();
        var previous = shared.Where(r => r.CheckinId != record.CheckinId).LastOrDefault();
        var titles = (await goals.ListGoalsAsync(employee.Id, cancellationToken)).ToDictionary(g => g.Id, g => g.Title);
        var lines = record.Answers
            .Where(a => a is { Value: GoalProgressAnswer, GoalId: not null })
            .Select(a =>
            {
                var progress = (GoalProgressAnswer)a.Value;
                var before = previous?.Answers.FirstOrDefault(p => p.GoalId == a.GoalId)?.Value as GoalProgressAnswer;
                return new GoalSummaryLine(titles.GetValueOrDefault(a.GoalId!) ?? a.Prompt, progress.Percent, before?.Percent, progress.MilestoneTitle, progress.Note);
            })
            .ToList();
        var trend = shared.Select(r => r.Energy).OfType<int>().TakeLast(EnergyTrendLength).ToList();
        return new ManagerSummaryMessage(employee, record, trend, lines);
    }
}
