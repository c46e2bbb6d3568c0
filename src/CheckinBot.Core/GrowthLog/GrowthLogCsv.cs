using System.Globalization;
using System.Text;

namespace CheckinBot.Core.GrowthLog;

/// <summary>The export as one CSV table: a row per check-in answer, per goal and per goal progress entry.</summary>
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
        foreach (var goal in export.Goals)
        {
            Row(csv, "goal", goal.CreatedAt, null, null, null, goal.Why, goal.Id, goal.Title, goal.Percent.ToString(CultureInfo.InvariantCulture), goal.Status.ToString());
            foreach (var entry in goal.History)
                Row(csv, "goal-progress", entry.At, null, null, null, entry.Note, goal.Id, goal.Title, entry.Percent.ToString(CultureInfo.InvariantCulture), null);
        }
        foreach (var note in export.FeedbackReceived)
            Row(csv, note.IsPraise ? "feedback-praise" : "feedback", note.CreatedAt, note.RegardingCheckinId, null, $"from {note.FromName}", note.Text, null, null, null, note.AcknowledgedAt is null ? null : "acknowledged");
        foreach (var ask in export.FeedbackAsked)
            Row(csv, "feedback-request", ask.CreatedAt, ask.CheckinId, null, $"asked {ask.AskedName}", ask.Topic, null, null, null, ask.IsOpen ? "open" : "answered");
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params object?[] cells)
    {
        csv.AppendJoin(',', cells.Select(c => Escape(c switch
        {
            DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
            _ => c?.ToString(),
        })));
        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula.</summary>
    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
