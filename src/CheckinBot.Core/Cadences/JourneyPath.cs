namespace CheckinBot.Core.Cadences;

/// <summary>A person's place on a journey: "day 30 of 90" and the date of each step.</summary>
/// <param name="DayNumber">Days since the hire date (0 on the hire date, negative before it).</param>
/// <param name="LastDay">The last step's day.</param>
public sealed record JourneyPath(DateOnly HireDate, int DayNumber, int LastDay, IReadOnlyList<JourneyStepDate> Steps)
{
    public bool Finished => DayNumber > LastDay;
}
