using System.Text.Json.Serialization;
using CheckinBot.Core.QuestionSets;

namespace CheckinBot.Core.Cadences;

/// <summary>A company-wide or targeted rhythm of check-ins, as HR defines it (README.md and samples/cadence.json).</summary>
public sealed record Cadence
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public CadenceAudience Audience { get; init; } = new();
    public CadenceSchedule Schedule { get; init; } = new();
    public ReminderPolicy Reminder { get; init; } = new();
    public string QuestionSetId { get; init; } = QuestionSets.QuestionSet.DefaultId;
    public bool Active { get; init; } = true;

    /// <summary>Whether and how the cadence adapts to a tired person (off unless HR turns it on).</summary>
    public Fatigue.CadenceAdaptation Adaptation { get; init; } = new();

    [JsonIgnore]
    public bool IsJourney => Schedule?.Frequency == CadenceFrequency.Journey; // null only in a request still to be validated

    /// <summary>
    /// Every question set the cadence asks: its own, or each of a journey's steps', and its light form when it adapts to
    /// fatigue (so retiring that set is refused while the cadence may ask it).
    /// </summary>
    [JsonIgnore]
    public IEnumerable<string> QuestionSetIds =>
        (IsJourney ? (Schedule.Steps ?? []).Select(s => s.QuestionSetId) : [QuestionSetId])
        .Concat(Adaptation is { Enabled: true } adaptation ? [adaptation.LightQuestionSetId] : []);

    /// <summary>The set an occurrence asks: a journey step's own, else the cadence's.</summary>
    public string QuestionSetFor(string occurrenceId) =>
        IsJourney && JourneyCalendar.StepOf(Schedule, occurrenceId) is { } step ? step.QuestionSetId : QuestionSetId;

    [JsonIgnore]
    public string? Version { get; init; }
}
