namespace CheckinBot.Core.Cadences;

/// <summary>
/// Occurrence ids: <c>{cadence}:{yyyy-MM-dd}</c> for a scheduled cycle (see <see cref="CadenceCycle"/>), and
/// <c>{cadence}:run-{runId}</c> for a "run now". Cadence ids have no colon.
/// </summary>
public static class Occurrences
{
    private const string RunNowMarker = ":run-";

    public static string RunNow(string cadenceId, string runId) => cadenceId + RunNowMarker + runId;

    public static bool IsRunNow(string occurrenceId) => occurrenceId.Contains(RunNowMarker, StringComparison.Ordinal);

    public static bool SameCadence(string occurrenceId, string otherOccurrenceId) =>
        occurrenceId.IndexOf(':', StringComparison.Ordinal) is var end and > 0
        && otherOccurrenceId.Length > end && string.CompareOrdinal(occurrenceId, 0, otherOccurrenceId, 0, end + 1) == 0;
}
