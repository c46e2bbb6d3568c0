using System.Collections.Immutable;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.CheckIns;

public enum DraftStage
{
    /// <summary>Questions are being asked.</summary>
    Answering,

    /// <summary>The person said cancel: answers are kept until they say "check in" again.</summary>
    Paused,

    /// <summary>All questions answered; waiting for "share with my manager" or "keep private".</summary>
    Recap,
}

/// <summary>One question as asked in this check-in: goal questions are expanded per goal, prompts filled in.</summary>
public sealed record CheckinStep(string Key, string QuestionId, QuestionKind Kind, QuestionPurpose Purpose, string Prompt, bool Optional, int MaxLength)
{
    public IReadOnlyList<string>? Choices { get; init; }
    public string? GoalId { get; init; }
    public string? GoalTitle { get; init; }

    /// <summary>For goal steps: the goal's progress when the check-in started, and its milestones not yet reached.</summary>
    public int GoalPercent { get; init; }
    public IReadOnlyList<Goals.GoalMilestone> OpenMilestones { get; init; } = [];

    /// <summary>Key of the yes/no step that must be answered yes for this one to be asked.</summary>
    public string? AskIfYes { get; init; }
}

/// <summary>
/// A check-in in progress, stored after every answer. <see cref="Version"/> is the store's concurrency token;
/// <see cref="HandledActivityIds"/> remembers recent inputs so a redelivered activity is not applied twice.
/// </summary>
public sealed record CheckinDraft
{
    public const int RememberedActivities = 20;

    public required string UserId { get; init; }
    public required string CheckinId { get; init; }
    public required string QuestionSetId { get; init; }
    public required int QuestionSetVersion { get; init; }

    /// <summary>The scheduled occurrence this check-in answers, or null when the person started it.</summary>
    public string? OccurrenceId { get; init; }
    public required IReadOnlyList<CheckinStep> Steps { get; init; }
    public int Current { get; init; }
    public ImmutableDictionary<string, AnswerValue> Answers { get; init; } = ImmutableDictionary<string, AnswerValue>.Empty;
    public DraftStage Stage { get; init; } = DraftStage.Answering;
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyList<string> HandledActivityIds { get; init; } = [];
    public string? Version { get; init; }

    public CheckinStep? CurrentStep => Stage == DraftStage.Answering && Current < Steps.Count ? Steps[Current] : null;

    /// <summary>Answers in question order, leaving out skipped steps and steps whose condition no longer holds.</summary>
    public IEnumerable<(CheckinStep Step, AnswerValue Answer)> AnsweredSteps =>
        Steps.Where(s => IsAskable(s) && Answers.ContainsKey(s.Key)).Select(s => (s, Answers[s.Key]));

    /// <summary>Steps whose condition is not met (e.g. "what is the new goal?" after "no") are passed over.</summary>
    public bool IsAskable(CheckinStep step) =>
        step.AskIfYes is null || (Answers.TryGetValue(step.AskIfYes, out var answer) && answer is YesNoAnswer { Value: true });

    public bool HasHandled(string? activityId) => activityId is not null && HandledActivityIds.Contains(activityId);

    public CheckinDraft Remember(string? activityId) => activityId is null ? this : this with
    {
        HandledActivityIds = [.. HandledActivityIds.TakeLast(RememberedActivities - 1), activityId],
    };
}
