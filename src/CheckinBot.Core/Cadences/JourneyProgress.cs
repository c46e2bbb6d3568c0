namespace CheckinBot.Core.Cadences;

/// <summary>One journey a person is on, as they see it: "day 30 of 90", each step's date, the steps they answered.</summary>
public sealed record JourneyProgress(string CadenceName, JourneyPath Path, IReadOnlySet<int> AnsweredDays)
{
    /// <summary>"Day 30 of 90", or "Starts on 4 Jan" before the hire date.</summary>
    public string Headline => Path.DayNumber < 0
        ? $"Starts on {Path.HireDate.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}"
        : $"Day {Path.DayNumber} of {Path.LastDay}";
}
