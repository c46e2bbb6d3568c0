namespace CheckinBot.Core.Cadences.Preview;

/// <summary>One person in one occurrence: when they would be asked, or why they would not.</summary>
/// <param name="LeftOut">
/// Null when they would be asked; else <c>paused</c> (the cadence), <c>missed</c> (their local send time was more than
/// <see cref="Runs.CadencePlanner.MissedAfter"/> ago, as the planner skips it), <c>away</c> (said in chat, or Outlook's
/// automatic replies as last read: held until they are back, or not asked if the occurrence is over by then),
/// <c>notInstalled</c>, <c>unreachable</c> (blocked or gone), <c>snoozed</c>, or — a journey only — <c>noHireDate</c>
/// (then there is no date or time). The first that applies, in this order.
/// </param>
/// <param name="QuestionSetId">The set they would be asked: the cadence's, or their journey step's.</param>
/// <param name="JourneyDay">A journey's step: "day 30" after their hire date.</param>
/// <param name="Adaptation">When the cadence adapts to fatigue and they are tired: how they are asked ("light form, every second week"); the light form's set is then <paramref name="QuestionSetId"/>.</param>
public sealed record PreviewLine(
    string UserId,
    string Name,
    DateOnly? Date,
    TimeOnly? LocalTime,
    string? TimeZone,
    bool ZoneFromCadence,
    DateTimeOffset? DueAtUtc,
    string? LeftOut,
    string QuestionSetId,
    int? JourneyDay,
    string? Adaptation = null);
