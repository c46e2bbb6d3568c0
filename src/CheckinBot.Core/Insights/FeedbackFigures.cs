namespace CheckinBot.Core.Insights;

/// <param name="Requested">Feedback requests the group's people made.</param>
/// <param name="Answered">Their requests answered (in the period of the answer).</param>
/// <param name="SharedAnsweredWithin7Days">Of the check-ins shared, the share the manager replied to within seven days; null when none was shared.</param>
public sealed record FeedbackFigures(int Requested, int Answered, double? MedianHoursToAnswer, double? SharedAnsweredWithin7Days)
{
    public static FeedbackFigures Of(MetricTally tally) => new(
        tally.FeedbackRequested,
        tally.FeedbackAnswered,
        tally.MedianHoursToAnswer,
        tally.Shared == 0 ? null : Math.Round(Math.Min(1, tally.SharedReplied / (double)tally.Shared), 2));
}
