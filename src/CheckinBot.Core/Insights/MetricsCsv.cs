using System.Text;

namespace CheckinBot.Core.Insights;

/// <summary>
/// A metrics response as one CSV table: a row per group and period (the parent first), a suppressed group as one row
/// with no number, exactly as thresholded for the API.
/// </summary>
public static class MetricsCsv
{
    public static string Write(MetricsReport report)
    {
        var reasons = Enum.GetValues<UnreachableReason>().Select(r => "unreachable" + r);
        var csv = new StringBuilder($"group,name,suppressed,periodStart,people,sent,reached,started,skipped,snoozed,{string.Join(',', reasons)},completed,selfStarted,shared,completionRate,medianMinutesToComplete,energyResponses,energyMean,energy1,energy2,energy3,energy4,energy5,feedbackRequested,feedbackAnswered,medianHoursToAnswer,sharedAnsweredWithin7Days,goalsCreated,milestonesReached,goalsCompleted,away\r\n");
        foreach (var group in report.Groups.Prepend(report.Total))
        {
            if (group.Suppressed)
            {
                CsvText.Row(csv, group.Key, group.Name, "true");
                continue;
            }
            foreach (var period in group.Periods ?? [])
            {
                var (p, e, f, g) = (period.Participation, period.Energy, period.Feedback, period.Goals);
                CsvText.Row(csv, [group.Key, group.Name, "false", period.Start, group.People, p.Sent, p.Reached, p.Started, p.Skipped, p.Snoozed, .. p.Unreachable.Values.Cast<object?>(),
                    p.Completed, p.SelfStarted, p.Shared, p.CompletionRate, p.MedianMinutesToComplete, e.Responses, e.Mean, .. e.Distribution.Cast<object?>(),
                    f.Requested, f.Answered, f.MedianHoursToAnswer, f.SharedAnsweredWithin7Days, g.Created, g.MilestonesReached, g.Completed, p.Away]);
            }
        }
        return csv.ToString();
    }
}
