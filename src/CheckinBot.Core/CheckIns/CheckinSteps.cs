using CheckinBot.Core.Goals;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.CheckIns;

/// <summary>Turns a question set into the steps of one check-in: one goal question per active goal, prompts filled in.</summary>
public static class CheckinSteps
{
    public static IReadOnlyList<CheckinStep> Build(QuestionSet set, IEnumerable<LearningGoal> activeGoals, string reflectionPrompt)
    {
        var goals = activeGoals.ToList();
        var steps = new List<CheckinStep>();
        foreach (var q in set.Questions)
        {
            if (q.Kind == QuestionKind.GoalProgress)
            {
                steps.AddRange(goals.Select(g => Step(q, $"{q.Id}:{g.Id}", q.Prompt.Replace("{goal}", g.Title, StringComparison.Ordinal)) with
                {
                    GoalId = g.Id,
                    GoalTitle = g.Title,
                    GoalPercent = g.Percent,
                    OpenMilestones = [.. g.Milestones.Where(m => m.DoneAt is null)],
                }));
                continue;
            }
            var prompt = q.Prompt.Replace("{reflection}", reflectionPrompt, StringComparison.Ordinal);
            if (q.Kind == QuestionKind.Scale && (q.LowLabel, q.HighLabel) is ({ } low, { } high))
                prompt = $"{prompt} (1 = {low}, 5 = {high})";
            steps.Add(Step(q, q.Id, prompt));
        }
        return steps;
    }

    private static CheckinStep Step(Question q, string key, string prompt) =>
        new(key, q.Id, q.Kind, q.Purpose, prompt, q.Optional, q.MaxLength) { Choices = q.Choices, AskIfYes = q.AskIfYes };
}
