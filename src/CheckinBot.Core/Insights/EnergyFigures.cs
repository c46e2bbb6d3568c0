namespace CheckinBot.Core.Insights;

/// <param name="Distribution">Answers per value, 1 to 5.</param>
public sealed record EnergyFigures(int Responses, double? Mean, IReadOnlyList<int> Distribution)
{
    public static EnergyFigures Of(MetricTally tally) => new(tally.EnergyResponses, tally.EnergyMean, tally.Energy);
}
