using System.Text.Json.Serialization;

namespace CheckinBot.Core.Cadences;

/// <summary>A company-wide or targeted rhythm of check-ins, as HR defines it (README.md and samples/cadence.json).</summary>
public sealed record Cadence
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public CadenceAudience Audience { get; init; } = new();
    public CadenceSchedule Schedule { get; init; } = new();
    public ReminderPolicy Reminder { get; init; } = new();
    public string QuestionSetId { get; init; } = CheckIns.QuestionSet.DefaultId;
    public bool Active { get; init; } = true;

    [JsonIgnore]
    public string? Version { get; init; }
}
