using System.Globalization;
using CheckinBot.Core.Cadences;
using CheckinBot.Core.Goals;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Goals;

public static class GoalCards
{
    public const string FormVerb = "goal.form";
    public const string AddVerb = "goal.add";
    public const string ProgressFormVerb = "goal.progress.form";
    public const string ProgressVerb = "goal.progress";
    public const string CompleteVerb = "goal.complete";
    public const string ArchiveVerb = "goal.archive";
    public const string MilestoneVerb = "goal.milestone";

    /// <param name="journeys">Onboarding journeys the person is on: shown first, as a path ("day 30 of 90").</param>
    public static AdaptiveCard List(IReadOnlyList<LearningGoal> goals, IReadOnlyList<JourneyProgress> journeys)
    {
        var active = goals.Where(g => g.Status == GoalStatus.Active).ToList();
        var completed = goals.Count(g => g.Status == GoalStatus.Completed);
        var body = new List<CardElement>();
        foreach (var journey in journeys)
        {
            body.Add(TextBlock.Heading($"{journey.CadenceName}: {journey.Headline}"));
            body.Add(new TextBlock(string.Join("  →  ", journey.Path.Steps.Select(s =>
                (journey.AnsweredDays.Contains(s.Step.Day) ? "✓ " : s.Step.Day == journey.Path.DayNumber ? "● " : "○ ")
                + $"day {s.Step.Day} ({s.Date.ToString("d MMM", CultureInfo.InvariantCulture)})"))) { Spacing = "None" });
        }
        body.Add(TextBlock.Heading("Your learning goals"));
        if (active.Count == 0)
            body.Add(new TextBlock("No active goals yet. A good goal is specific and has a date, e.g. \"Give a conference talk by June\"."));
        foreach (var goal in active)
        {
            body.Add(new TextBlock(goal.Title) { Weight = "Bolder", Spacing = "Medium" });
            var facts = new List<Fact> { new("Progress", $"{goal.Percent}%") };
            if (goal.TargetDate is { } target)
                facts.Add(new Fact("Target", target.ToString("d MMM yyyy", CultureInfo.InvariantCulture)));
            if (goal.Why is not null)
                facts.Add(new Fact("Why", goal.Why));
            body.Add(new FactSet(facts) { Spacing = "None" });
            body.AddRange(goal.Milestones.Select(m => new TextBlock((m.DoneAt is null ? "○ " : "✓ ") + m.Title) { Spacing = "None", IsSubtle = m.DoneAt is not null }));
            var open = goal.Milestones.Where(m => m.DoneAt is null).ToList();
            if (open.Count > 0)
            {
                body.Add(new ActionSet([.. open.Select(m => SubmitAction.ForVerb("Done: " + m.Title, MilestoneVerb, ("goalId", goal.Id), ("milestoneId", m.Id)))]));
            }
            body.Add(new ActionSet(
            [
                GoalAction("Update progress", ProgressFormVerb, goal.Id),
                GoalAction("Completed", CompleteVerb, goal.Id),
                GoalAction("Archive", ArchiveVerb, goal.Id),
            ]));
        }
        if (completed > 0)
            body.Add(TextBlock.Subtle($"{completed} completed goal{(completed == 1 ? "" : "s")}: see **wins**."));
        return new AdaptiveCard(body, [SubmitAction.ForVerb("Add a goal", FormVerb)]);
    }

    /// <summary>The add-goal form, refilled with what was typed when a field needs fixing.</summary>
    public static AdaptiveCard Form(string? title = null, string? why = null, string? measure = null, string? targetDate = null, string? error = null, string? milestones = null)
    {
        var body = new List<CardElement> { TextBlock.Heading("Add a learning goal") };
        if (error is not null)
            body.Add(new TextBlock(error) { Color = "Attention" });
        body.Add(new TextInput("title") { Label = "Goal", IsRequired = true, ErrorMessage = "Give the goal a title", MaxLength = LearningGoal.MaxTitleLength, Placeholder = "Give a conference talk by June", Value = title });
        body.Add(new TextInput("why") { Label = "Why it matters / the skill gap it closes", IsMultiline = true, MaxLength = GoalService.MaxTextLength, Value = why });
        body.Add(new TextInput("measure") { Label = "How you'll know you made it", MaxLength = GoalService.MaxTextLength, Value = measure });
        body.Add(new DateInput("targetDate") { Label = "Target date", Value = targetDate });
        body.Add(new TextInput("milestones") { Label = "Milestones (one per line, optional)", IsMultiline = true, MaxLength = 2000, Value = milestones });
        return new AdaptiveCard(body, [SubmitAction.ForVerb("Add goal", AddVerb)]);
    }

    /// <summary>Asks for progress; shown again with the message and the typed note when the value needs fixing.</summary>
    public static AdaptiveCard ProgressForm(LearningGoal goal, string? error = null, string? note = null) => new(
    [
        TextBlock.Heading(goal.Title),
        .. error is null ? Array.Empty<CardElement>() : [new TextBlock(error) { Color = "Attention" }],
        new NumberInput("percent") { Label = "Progress (%)", Min = 0, Max = 100, Value = goal.Percent, IsRequired = true, ErrorMessage = "A number from 0 to 100" },
        new TextInput("note") { Label = "What moved? (optional)", MaxLength = GoalService.MaxTextLength, Value = note },
    ],
    [GoalAction("Save progress", ProgressVerb, goal.Id)]);

    public static AdaptiveCard Updated(LearningGoal goal) => new(
    [
        new TextBlock(goal.Status switch
        {
            GoalStatus.Completed => $"🎉 Completed: {goal.Title}. It's on your brag sheet.",
            GoalStatus.Archived => $"Archived: {goal.Title}",
            _ => $"✓ {goal.Title}: {goal.Percent}%",
        }) { Weight = "Bolder" },
    ]);

    private static SubmitAction GoalAction(string title, string verb, string goalId) =>
        SubmitAction.ForVerb(title, verb, ("goalId", goalId));

    public static AdaptiveCard Added(LearningGoal goal) => new(
    [
        new TextBlock("✓ Goal added: " + goal.Title) { Weight = "Bolder" },
        TextBlock.Subtle("I'll ask about it in your next check-in. Type **goals** to see all of them."),
    ]);
}
