using System.Globalization;
using System.Text.RegularExpressions;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.CheckIns;

/// <summary>Turns what a person typed or clicked into a typed answer. Errors are specific and never discard earlier answers.</summary>
public static partial class AnswerValidation
{
    /// <summary>Typed text, or a button's value: parsed according to the step's kind.</summary>
    public static (AnswerValue? Value, string? Error) Validate(CheckinStep step, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return (null, step.Optional ? "Type your answer, or **skip** to leave this one out." : "I need an answer here (or type **skip**).");
        if (trimmed.Length > step.MaxLength)
            return (null, TooLong(trimmed.Length, step.MaxLength));

        return step.Kind switch
        {
            QuestionKind.Scale => int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5
                ? (new ScaleAnswer(n), null)
                : (null, "Please pick a number from 1 to 5."),
            QuestionKind.YesNo => ParseYesNo(trimmed) is { } yes ? (new YesNoAnswer(yes), null) : (null, "Please answer yes or no."),
            QuestionKind.Choice => step.Choices?.FirstOrDefault(c => c.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) is { } choice
                ? (new ChoiceAnswer(choice), null)
                : (null, $"Please choose one of: {string.Join(", ", step.Choices ?? [])}."),
            QuestionKind.GoalProgress => ParseProgress(trimmed) is { } progress
                ? (new GoalProgressAnswer(progress.Percent, progress.Note), null)
                : (null, "Please start with a percentage from 0 to 100, e.g. \"60\" or \"60% finished the course\"."),
            _ => (new TextAnswer(trimmed), null),
        };
    }

    /// <summary>The goal card: a percentage and a note from its inputs, or a milestone button (which keeps the percentage).</summary>
    public static (AnswerValue? Value, string? Error) ValidateProgress(CheckinStep step, string? percent, string? note, string? milestoneId)
    {
        if (step.Kind != QuestionKind.GoalProgress)
            return (null, "That card is from another question, so I left your answers as they are.");
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > step.MaxLength)
            return (null, TooLong(note.Length, step.MaxLength));
        if (!string.IsNullOrEmpty(milestoneId))
        {
            return step.OpenMilestones.FirstOrDefault(m => m.Id == milestoneId) is { } milestone
                ? (new GoalProgressAnswer(step.GoalPercent, note, milestone.Id, milestone.Title), null)
                : (null, "That milestone is already ticked or no longer exists.");
        }
        return int.TryParse(percent?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100
            ? (new GoalProgressAnswer(value, note), null)
            : (null, "Progress is a number from 0 to 100.");
    }

    /// <summary>"60", "60%", "60 % finished module 3" → (60, "finished module 3").</summary>
    public static (int Percent, string? Note)? ParseProgress(string text)
    {
        var match = ProgressPattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent > 100)
            return null;
        var note = match.Groups[2].Value.Trim().TrimStart('-', ':', ',').Trim();
        return (percent, note.Length == 0 ? null : note);
    }

    public static bool? ParseYesNo(string text) => text.Trim().ToUpperInvariant() switch
    {
        "YES" or "Y" or "YEP" or "SURE" or "TRUE" => true,
        "NO" or "N" or "NOPE" or "FALSE" => false,
        _ => null,
    };

    /// <summary>The recap's typed answers: share with the manager (true) or keep private (false).</summary>
    public static bool? ParseShare(string text) => text.Trim().ToUpperInvariant() switch
    {
        "SHARE" or "SHARE IT" or "SHARE WITH MY MANAGER" or "YES" => true,
        "PRIVATE" or "KEEP PRIVATE" or "KEEP IT PRIVATE" or "NO" => false,
        _ => null,
    };

    private static string TooLong(int length, int max) =>
        $"That's {length} characters; please keep it under {max}. Nothing you answered before is lost.";

    [GeneratedRegex(@"^(\d{1,3})\s*%?(?:\s+(.*))?$", RegexOptions.Singleline)]
    private static partial Regex ProgressPattern();
}
