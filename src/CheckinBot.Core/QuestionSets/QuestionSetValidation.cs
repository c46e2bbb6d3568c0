using System.Text.RegularExpressions;
using CheckinBot.Core.CheckIns;

namespace CheckinBot.Core.QuestionSets;

/// <summary>
/// What a question set must be before it is saved, each problem named by its field (<c>questions[2].choices</c>) and,
/// in the message, by the question's id: ids unique and well formed, a prompt for every question but a reflection, a
/// choice with 2–8 options, an "ask only if" that names an earlier yes/no question, at most
/// <see cref="QuestionSet.MaxQuestions"/> questions, one goal-progress question at most.
/// </summary>
public static partial class QuestionSetValidation
{
    public const int MaxPromptLength = 500;
    public const int MaxChoices = 8;
    public const int MaxTextLength = 4000;

    public static IReadOnlyDictionary<string, string[]> Validate(QuestionSetDocument set)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        if (string.IsNullOrWhiteSpace(set.Id) || !Identifier().IsMatch(set.Id.Trim()))
            Add("id", "The set needs an id of lowercase letters, digits and dashes (at most 40), e.g. \"monthly-reflection\".");
        if (string.IsNullOrWhiteSpace(set.Name) || set.Name.Trim().Length > 100)
            Add("name", "The set needs a name of at most 100 characters.");
        var questions = set.Questions ?? [];
        if (questions.Count == 0)
            Add("questions", "A set needs at least one question.");
        if (questions.Count > QuestionSet.MaxQuestions)
            Add("questions", $"A check-in stays short: at most {QuestionSet.MaxQuestions} questions ({questions.Count} given).");
        if (questions.Count(q => q.Kind == "goalProgress") > 1)
            Add("questions", "One goal-progress question at most: it is already asked once per active goal.");

        var earlier = new Dictionary<string, string?>(StringComparer.Ordinal); // id → kind, of the questions before
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var at = $"questions[{i}]";
            var name = string.IsNullOrWhiteSpace(q.Id) ? $"question {i + 1}" : $"question \"{q.Id.Trim()}\"";
            if (string.IsNullOrWhiteSpace(q.Id) || !Identifier().IsMatch(q.Id.Trim()))
                Add($"{at}.id", $"{Capital(name)} needs an id of lowercase letters, digits and dashes.");
            else if (earlier.ContainsKey(q.Id.Trim()))
                Add($"{at}.id", $"Two questions have the id \"{q.Id.Trim()}\".");
            var kind = q.Kind == QuestionSetDocument.ReflectionKind ? QuestionKind.FreeText : QuestionSetDocument.ParseKind(q.Kind);
            if (kind is null)
                Add($"{at}.kind", $"{Capital(name)}: kind must be scale, choice, freeText, yesNo, goalProgress or reflection.");
            if (q.Kind != QuestionSetDocument.ReflectionKind && string.IsNullOrWhiteSpace(q.Prompt))
                Add($"{at}.prompt", $"{Capital(name)} needs a prompt.");
            if ((q.Prompt?.Trim().Length ?? 0) > MaxPromptLength)
                Add($"{at}.prompt", $"{Capital(name)}: keep the prompt under {MaxPromptLength} characters.");
            if (q.Purpose is not null && QuestionSetDocument.ParsePurpose(q.Purpose) is null)
                Add($"{at}.purpose", $"{Capital(name)}: purpose must be one of {string.Join(", ", Enum.GetNames<QuestionPurpose>().Select(p => char.ToLowerInvariant(p[0]) + p[1..]))}.");
            if (kind == QuestionKind.Choice)
            {
                var choices = (q.Choices ?? []).Select(c => c?.Trim()).ToList();
                if (choices.Count is < 2 or > MaxChoices || choices.Any(string.IsNullOrEmpty) || choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Count)
                    Add($"{at}.choices", $"{Capital(name)}: a choice needs 2 to {MaxChoices} different options.");
            }
            if (q.MaxLength is { } max && (max < 1 || max > MaxTextLength))
                Add($"{at}.maxLength", $"{Capital(name)}: maxLength must be between 1 and {MaxTextLength}.");
            if (!string.IsNullOrWhiteSpace(q.AskIfYes))
            {
                var target = q.AskIfYes.Trim();
                if (!earlier.TryGetValue(target, out var targetKind))
                    Add($"{at}.askIfYes", $"{Capital(name)} is asked only if \"{target}\" was yes, but no earlier question has that id.");
                else if (targetKind != "yesNo")
                    Add($"{at}.askIfYes", $"{Capital(name)} is asked only if \"{target}\" was yes, but that is not a yes/no question.");
            }
            if (!string.IsNullOrWhiteSpace(q.Id))
                earlier.TryAdd(q.Id.Trim(), q.Kind);
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Identifier();
}
