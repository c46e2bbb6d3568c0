using CheckinBot.Core.CheckIns;
using CheckinBot.Core.QuestionSets;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.QuestionSets;

/// <summary>HR's question sets in chat: the list, one set's questions, the edit and new cards, retiring.</summary>
public static class QuestionSetCards
{
    public const string ViewVerb = "questionset.view";
    public const string EditVerb = "questionset.edit";
    public const string NewVerb = "questionset.new";
    public const string SaveVerb = "questionset.save";
    public const string RetireVerb = "questionset.retire";

    private static readonly Choice[] Kinds =
    [
        new("Scale 1–5", "scale"), new("Choice", "choice"), new("Free text", "freeText"), new("Yes / no", "yesNo"),
        new("Goal progress (per active goal)", "goalProgress"), new("Rotating reflection prompt", "reflection"),
    ];

    private static readonly Choice[] Purposes =
    [
        new("Nothing special", "none"), new("Energy (metrics)", "energy"), new("Win (brag sheet)", "win"), new("Blocker", "blocker"),
        new("Feedback request", "feedbackRequest"), new("Wants a new goal (yes/no)", "newGoalWanted"), new("New goal's title", "newGoalTitle"),
    ];

    /// <param name="usedBy">The cadences asking each set, by set id.</param>
    public static AdaptiveCard List(IReadOnlyList<QuestionSet> sets, IReadOnlyDictionary<string, IReadOnlyList<string>> usedBy)
    {
        var body = new List<CardElement> { TextBlock.Heading("Question sets") };
        foreach (var set in sets.OrderBy(s => s.Retired).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            var users = usedBy.GetValueOrDefault(set.Id) ?? [];
            body.Add(new TextBlock(set.Name + (set.Retired ? " (retired)" : "")) { Weight = "Bolder", Spacing = "Medium", Separator = true });
            body.Add(new FactSet(
            [
                new("Questions", $"{set.Questions.Count} (version {set.Version})"),
                new("Asked by", users.Count == 0 ? "no cadence" : string.Join(", ", users)),
            ]) { Spacing = "None" });
            body.Add(new ActionSet([SubmitAction.ForVerb($"Open {set.Name}", ViewVerb, ("setId", set.Id))]));
        }
        body.Add(TextBlock.Subtle("A cadence always asks the latest version of its set; a check-in already under way keeps the version it started with."));
        return new AdaptiveCard(body, [SubmitAction.ForVerb("New question set", NewVerb)]);
    }

    public static AdaptiveCard View(QuestionSet set, IReadOnlyList<string> usedBy)
    {
        var body = new List<CardElement>
        {
            TextBlock.Heading(set.Name + (set.Retired ? " (retired)" : "")),
            TextBlock.Subtle($"Version {set.Version}. Asked by {(usedBy.Count == 0 ? "no cadence" : string.Join(", ", usedBy))}."),
        };
        body.AddRange(set.Questions.Select((q, i) => (CardElement)new TextBlock($"{i + 1}. {Describe(q)}") { Spacing = "Small" }));
        var actions = new List<CardAction> { SubmitAction.ForVerb($"Edit {set.Name}", EditVerb, ("setId", set.Id)) };
        if (!set.Retired && set.Id != QuestionSet.DefaultId)
            actions.Add(SubmitAction.ForVerb($"Retire {set.Name}", RetireVerb, ("setId", set.Id)));
        return new AdaptiveCard(body, actions);
    }

    /// <summary>
    /// The edit card (<paramref name="basis"/> the version being edited) or the new-set card (null): every question's
    /// prompt and settings, then a blank new question. <paramref name="errors"/> are shown above the inputs.
    /// </summary>
    public static AdaptiveCard Form(QuestionSetForm form, QuestionSet? basis, IEnumerable<string> errors)
    {
        var body = new List<CardElement> { TextBlock.Heading(basis is null ? "New question set" : $"Edit {basis.Name}") };
        body.AddRange(errors.Select(e => (CardElement)new TextBlock(e) { Color = "Attention" }));
        body.Add(new TextInput(QuestionSetForm.Name) { Label = "Name", Value = form[QuestionSetForm.Name], MaxLength = 100, IsRequired = true, ErrorMessage = "Give the set a name." });
        foreach (var (q, i) in (basis?.Questions ?? []).Select((q, i) => (q, i)))
        {
            body.Add(new TextInput(QuestionSetForm.Prompt(i))
            {
                Label = $"Question {i + 1}: {KindText(q)}", Value = form[QuestionSetForm.Prompt(i)], MaxLength = QuestionSetValidation.MaxPromptLength,
                Placeholder = q.Purpose == QuestionPurpose.Reflection ? "Empty: a rotating reflection prompt" : null, Separator = true,
            });
            if (q.Kind == QuestionKind.Choice)
                body.Add(new TextInput(QuestionSetForm.Choices(i)) { Label = "Options, separated by commas", Value = form[QuestionSetForm.Choices(i)] });
            if (q.Kind == QuestionKind.Scale)
                body.Add(new TextInput(QuestionSetForm.Labels(i)) { Label = "End labels (1, 5), separated by a comma", Value = form[QuestionSetForm.Labels(i)] });
            body.Add(new ToggleInput(QuestionSetForm.Optional(i), "Optional") { Value = form[QuestionSetForm.Optional(i)] ?? "false" });
            body.Add(new ToggleInput(QuestionSetForm.Remove(i), $"Remove question {i + 1}") { Value = form[QuestionSetForm.Remove(i)] ?? "false" });
        }
        body.Add(new TextBlock(basis is null ? "First question" : "Add a question") { Weight = "Bolder", Spacing = "Medium", Separator = true });
        body.Add(new TextInput(QuestionSetForm.NewPrompt) { Label = "Prompt", Value = form[QuestionSetForm.NewPrompt], MaxLength = QuestionSetValidation.MaxPromptLength });
        body.Add(new ChoiceSetInput(QuestionSetForm.NewKind, Kinds) { Label = "Kind", Value = form[QuestionSetForm.NewKind] ?? "choice", Style = "compact" });
        body.Add(new TextInput(QuestionSetForm.NewChoices) { Label = "Options for a choice, separated by commas", Value = form[QuestionSetForm.NewChoices] });
        body.Add(new TextInput(QuestionSetForm.NewLabels) { Label = "End labels for a scale (1, 5), separated by a comma", Value = form[QuestionSetForm.NewLabels] });
        body.Add(new ChoiceSetInput(QuestionSetForm.NewPurpose, Purposes) { Label = "What the answer feeds", Value = form[QuestionSetForm.NewPurpose] ?? "none", Style = "compact" });
        body.Add(new ToggleInput(QuestionSetForm.NewOptional, "Optional") { Value = form[QuestionSetForm.NewOptional] ?? "false" });
        body.Add(TextBlock.Subtle($"At most {QuestionSet.MaxQuestions} questions. \"Ask only if\" and length limits are kept as they are; the admin API (docs/question-sets.md) edits them."));
        var save = basis is null ? SubmitAction.ForVerb("Save question set", SaveVerb) : SubmitAction.ForVerb("Save question set", SaveVerb, ("setId", basis.Id));
        return new AdaptiveCard(body, [save]);
    }

    public static AdaptiveCard Saved(QuestionSet set) => new(
    [
        new TextBlock($"Saved: {set.Name}, version {set.Version}, {set.Questions.Count} questions.") { Weight = "Bolder" },
        TextBlock.Subtle("Cadences that ask it use this version from their next check-in; check-ins already under way keep theirs."),
    ], [SubmitAction.ForVerb($"Open {set.Name}", ViewVerb, ("setId", set.Id))]);

    public static AdaptiveCard Retired(QuestionSet set) => new(
    [
        new TextBlock($"Retired: {set.Name}. No cadence can name it now; its answers stay in everyone's log.") { Weight = "Bolder" },
    ]);

    public static AdaptiveCard RetireRefused(string name, IReadOnlyList<string> usedBy) => new(
    [
        new TextBlock($"{name} is still asked by {string.Join(", ", usedBy)}, so it stays. Give those cadences another set first."),
    ]);

    private static string Describe(Question q)
    {
        var prompt = q.Purpose == QuestionPurpose.Reflection && q.Prompt == QuestionSetDocument.ReflectionPlaceholder ? "(a rotating reflection prompt)" : q.Prompt;
        var extra = q.Kind switch
        {
            QuestionKind.Choice => $": {string.Join(" / ", q.Choices ?? [])}",
            QuestionKind.Scale when q.LowLabel is not null || q.HighLabel is not null => $": 1 = {q.LowLabel}, 5 = {q.HighLabel}",
            _ => "",
        };
        return $"{prompt} — {KindText(q)}{extra}{(q.Optional ? ", optional" : "")}{(q.AskIfYes is { } on ? $", only if \"{on}\" was yes" : "")}";
    }

    private static string KindText(Question q) =>
        (q.Purpose == QuestionPurpose.Reflection ? "reflection" : TitleOf(Kinds, q.Kind.ToString()))
        + (q.Purpose is QuestionPurpose.None or QuestionPurpose.Reflection or QuestionPurpose.GoalProgress ? "" : $", {TitleOf(Purposes, q.Purpose.ToString())}");

    /// <summary>The choice's title for an enum name (the API's camelCase value), or the name itself.</summary>
    private static string TitleOf(Choice[] choices, string name) =>
        (choices.FirstOrDefault(c => string.Equals(c.Value, QuestionSetDocument.Camel(name), StringComparison.Ordinal))?.Title ?? name).ToLowerInvariant();
}
