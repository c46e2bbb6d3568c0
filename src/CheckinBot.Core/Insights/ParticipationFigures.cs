namespace CheckinBot.Core.Insights;

/// <param name="Sent">Check-ins runs sent (Teams confirmed <paramref name="Reached"/> of them).</param>
/// <param name="Started">Check-ins from a send the person answered at least one question of.</param>
/// <param name="Unreachable">People runs could not reach, by reason (camelCase names of <see cref="UnreachableReason"/>).</param>
/// <param name="SelfStarted">Completed without a cadence sending one (counted in <paramref name="Completed"/> too).</param>
/// <param name="CompletionRate">
/// Check-ins completed from a send, of those sent; null when nothing was sent. People away are not sent one, so
/// participation is over those not away.
/// </param>
/// <param name="Away">Check-ins not asked because the person was away (said in chat, or Outlook) past the occurrence's answer window.</param>
public sealed record ParticipationFigures(
    int Sent,
    int Reached,
    int Started,
    int Skipped,
    int Snoozed,
    IReadOnlyDictionary<string, int> Unreachable,
    int Completed,
    int SelfStarted,
    int Shared,
    double? CompletionRate,
    double? MedianMinutesToComplete,
    int Away)
{
    public static ParticipationFigures Of(MetricTally tally) => new(
        tally.Sent,
        tally.Reached,
        tally.Started,
        tally.Skipped,
        tally.Snoozed,
        Enum.GetValues<UnreachableReason>().ToDictionary(r => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.ToString()), r => tally.Unreachable[(int)r]),
        tally.Completed,
        tally.SelfStarted,
        tally.Shared,
        tally.Sent == 0 ? null : Math.Round(Math.Min(1, (tally.Completed - tally.SelfStarted) / (double)tally.Sent), 2),
        tally.MedianMinutesToComplete,
        tally.Away);
}
