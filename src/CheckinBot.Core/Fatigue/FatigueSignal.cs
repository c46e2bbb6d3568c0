using CheckinBot.Core.CheckIns;
using CheckinBot.Core.CheckIns.Answers;

namespace CheckinBot.Core.Fatigue;

/// <summary>Reads the fatigue signal from the person's own history of the occurrences they were asked.</summary>
public static class FatigueSignal
{
    public static FatigueReading Read(IReadOnlyList<AskedOccurrence> asked, IReadOnlyList<CheckinRecord> records, CheckinPreferences? preferences)
    {
        if (asked.Count == 0)
            return new FatigueReading(0, 0, 0, 0, null, false);
        var answered = asked
            .Select(o => (Asked: o, Record: records.FirstOrDefault(r => r.OccurrenceId == o.OccurrenceId)))
            .Where(x => x.Record is not null)
            .ToList();
        var skipped = asked.Count(o => preferences?.SkippedOccurrenceIds.Contains(o.OccurrenceId) == true);
        var since = asked.Min(o => o.DueAt);
        var snoozed = preferences?.RecentSnoozes.Count(at => at >= since) ?? 0;
        var hours = answered.Select(x => Math.Max(0, (x.Record!.CompletedAt - x.Asked.DueAt).TotalHours)).Order().ToList();
        double? median = hours.Count == 0 ? null : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;
        var lengths = answered.Select(x => x.Record!.Answers.Select(a => a.Value).OfType<TextAnswer>().Sum(t => t.Value.Length)).ToList();
        var shrinking = lengths.Count >= 3 && lengths.Take(lengths.Count - 2).Average() is var before and > 0
            && lengths.TakeLast(2).Average() < before / 2;
        return new FatigueReading(asked.Count, answered.Count, skipped, snoozed, median, shrinking);
    }
}
