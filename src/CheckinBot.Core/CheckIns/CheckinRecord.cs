using System.Text.Json.Serialization;
using CheckinBot.Core.CheckIns.Answers;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.CheckIns;

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

    [JsonIgnore]
    public IEnumerable<string> Wins => TextsFor(QuestionPurpose.Win);

    /// <summary>The energy answer (1–5), when given.</summary>
    [JsonIgnore]
    public int? Energy => (Answers.FirstOrDefault(a => a.Purpose == QuestionPurpose.Energy)?.Value as ScaleAnswer)?.Value;

    public IEnumerable<string> TextsFor(QuestionPurpose purpose) =>
        Answers.Where(a => a.Purpose == purpose).Select(a => a.DisplayText);
}
