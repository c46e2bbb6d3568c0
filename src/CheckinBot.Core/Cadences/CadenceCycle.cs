using System.Globalization;

namespace CheckinBot.Core.Cadences;

/// <summary>
/// One cycle of a cadence as a local date and time: applied in each person's own zone, and named the same for everyone
/// (a cron cadence can fire more than once a day, so its cycles carry the time as well).
/// </summary>
public sealed record CadenceCycle(DateOnly Date, TimeOnly Time, bool IsCron)
{
    /// <summary>The run that delivers this cycle: one per cadence and cycle, so planning it again adds nobody.</summary>
    public string RunId(string cadenceId) => IsCron
        ? $"{cadenceId}-{Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}{Time.ToString("HHmm", CultureInfo.InvariantCulture)}"
        : $"{cadenceId}-{Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>What the person's check-in answers: "already answered" and skips are per occurrence.</summary>
    public string OccurrenceId(string cadenceId) => IsCron
        ? $"{cadenceId}:{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{Time.ToString("HHmm", CultureInfo.InvariantCulture)}"
        : $"{cadenceId}:{Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
