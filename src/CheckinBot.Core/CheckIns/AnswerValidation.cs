using System.Globalization;
using System.Text.RegularExpressions;

namespace CheckinBot.Core.CheckIns;

/// <summary>Checks and normalises answers. Errors are specific and friendly; they never discard earlier answers.</summary>
public static partial class AnswerValidation
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>A goal step answered by ticking a milestone: <c>milestone:{id}</c> from the card button.</summary>
    public const string MilestonePrefix = "milestone:";

    /// <summary>The note a milestone answer carries; completion ticks the milestone it names.</summary>
    public const string MilestoneReached = "Milestone reached: ";

    public static (string? Value, string? Error) Validate(CheckinStep step, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return (null, step.Optional ? "Type your answer, or **skip** to leave this one out." : "I need an answer here (or type **skip**).");
        if (trimmed.Length > step.MaxLength)
            return (null, $"That's {trimmed.Length} characters; please keep it under {step.MaxLength}. Nothing you answered before is lost.");

        return step.Kind switch
        {
            QuestionKind.Scale => int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5
                ? (n.ToString(CultureInfo.InvariantCulture), null)
                : (null, "Please pick a number from 1 to 5."),
            QuestionKind.YesNo => ParseYesNo(trimmed) is { } yes ? (yes ? Yes : No, null) : (null, "Please answer yes or no."),
            QuestionKind.Choice => step.Choices?.FirstOrDefault(c => c.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) is { } choice
                ? (choice, null)
                : (null, $"Please choose one of: {string.Join(", ", step.Choices ?? [])}."),
            QuestionKind.GoalProgress when trimmed.StartsWith(MilestonePrefix, StringComparison.Ordinal) =>
                step.OpenMilestones.FirstOrDefault(m => m.Id == trimmed[MilestonePrefix.Length..]) is { } milestone
                    ? ($"{step.GoalPercent}% {MilestoneReached}{milestone.Title}", null)
                    : (null, "That milestone is already ticked or no longer exists."),
            QuestionKind.GoalProgress => ParseProgress(trimmed) is { } progress
                ? (progress.Note is null ? $"{progress.Percent}%" : $"{progress.Percent}% {progress.Note}", null)
                : (null, "Please start with a percentage from 0 to 100, e.g. \"60\" or \"60% finished the course\"."),
            _ => (trimmed, null),
        };
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

    [GeneratedRegex(@"^(\d{1,3})\s*%?(?:\s+(.*))?$", RegexOptions.Singleline)]
    private static partial Regex ProgressPattern();
}
