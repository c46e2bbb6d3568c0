using System.Globalization;
using System.Text;

namespace CheckinBot.Core.GrowthLog;

/// <summary>
/// The export as one CSV table: a row per check-in answer (and per answer of a check-in in progress), per goal with
/// its why, measure, target and milestones, per progress update, per feedback received and per feedback request.
/// </summary>
public static class GrowthLogCsv
{
    public static string Write(GrowthLogExport export)
    {
        var csv = new StringBuilder("kind,date,checkinId,sharedWithManager,question,answer,goalId,goal,percent,status\r\n");
        foreach (var record in export.CheckIns)
        {
            foreach (var answer in record.Answers)
                Row(csv, "checkin-answer", record.CompletedAt, record.CheckinId, record.SharedWithManager.ToString(), answer.Prompt, answer.DisplayText, answer.GoalId, null, (answer.Value as CheckIns.Answers.GoalProgressAnswer)?.Percent.ToString(CultureInfo.InvariantCulture), null);
        }
        if (export.Draft is { } draft)
        {
            foreach (var (step, answer) in draft.AnsweredSteps)
                Row(csv, "draft-answer", draft.UpdatedAt, draft.CheckinId, null, step.Prompt, answer.ToDisplayText(), step.GoalId, step.GoalTitle, null, "in progress");
        }
        foreach (var goal in export.Goals)
        {
            var percent = goal.Percent.ToString(CultureInfo.InvariantCulture);
            var status = goal.Status.ToString().ToLowerInvariant();
            Row(csv, "goal", goal.CreatedAt, null, null, "why", goal.Why, goal.Id, goal.Title, percent, status);
            if (goal.Measure is not null)
                Row(csv, "goal-measure", goal.CreatedAt, null, null, "how success is measured", goal.Measure, goal.Id, goal.Title, null, null);
            if (goal.TargetDate is { } target)
                Row(csv, "goal-target", goal.CreatedAt, null, null, "target date", target.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), goal.Id, goal.Title, null, null);
            foreach (var milestone in goal.Milestones)
                Row(csv, "goal-milestone", milestone.DoneAt ?? goal.CreatedAt, null, null, "milestone", milestone.Title, goal.Id, goal.Title, null, milestone.DoneAt is null ? "open" : "reached");
            foreach (var entry in goal.History)
                Row(csv, "goal-progress", entry.At, null, null, null, entry.Note, goal.Id, goal.Title, entry.Percent.ToString(CultureInfo.InvariantCulture), null);
        }
        foreach (var note in export.FeedbackReceived)
            Row(csv, note.IsPraise ? "feedback-praise" : "feedback", note.CreatedAt, note.RegardingCheckinId, null, $"from {note.FromName}", note.Text, null, null, null, note.AcknowledgedAt is null ? null : "acknowledged");
        foreach (var ask in export.FeedbackAsked)
            Row(csv, "feedback-request", ask.CreatedAt, ask.CheckinId, null, $"asked {ask.AskedName}", ask.Topic, null, null, null, ask.IsOpen ? "open" : "answered");
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params object?[] cells) => CsvText.Row(csv, cells);
}
