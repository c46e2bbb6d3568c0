namespace CheckinBot.Core.Cadences;

/// <summary>
/// One step of an onboarding journey: <see cref="Day"/> days after a person's hire date (0 is the hire date itself),
/// moved to the next working day, asking <see cref="QuestionSetId"/>.
/// </summary>
public sealed record JourneyStep
{
    public int Day { get; init; }
    public string QuestionSetId { get; init; } = "";
}
