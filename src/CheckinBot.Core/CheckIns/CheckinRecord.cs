namespace CheckinBot.Core.CheckIns;

/// <summary>One answered question of a finished check-in, with the prompt as it was asked.</summary>
public sealed record CheckinAnswer(string QuestionId, QuestionPurpose Purpose, string Prompt, string Answer, string? GoalId = null);

/// <summary>A finished check-in. Private unless <see cref="SharedWithManager"/>; the employee owns it either way.</summary>
public sealed record CheckinRecord
{
    public required string UserId { get; init; }
    public required string CheckinId { get; init; }
    public required string QuestionSetId { get; init; }
    public required int QuestionSetVersion { get; init; }
    public string? OccurrenceId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public required bool SharedWithManager { get; init; }
    public required IReadOnlyList<CheckinAnswer> Answers { get; init; }

    /// <summary>The activity that completed it, so a redelivery of that activity is recognised and ignored.</summary>
    public string? CompletedByActivityId { get; init; }

    public IEnumerable<string> Wins => Answers.Where(a => a.Purpose == QuestionPurpose.Win).Select(a => a.Answer);
}
