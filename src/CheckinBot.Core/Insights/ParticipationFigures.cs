namespace CheckinBot.Core.Insights;

/// <param name="SelfStarted">Completed without a cadence sending one (counted in <paramref name="Completed"/> too).</param>
public sealed record ParticipationFigures(int Completed, int SelfStarted, int Shared, double? MedianMinutesToComplete)
{
    public static ParticipationFigures Of(MetricTally tally) => new(tally.Completed, tally.SelfStarted, tally.Shared, tally.MedianMinutesToComplete);
}
