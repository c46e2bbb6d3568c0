namespace CheckinBot.Core.CheckIns;

/// <summary>
/// Someone who snoozed their check-ins, said they are away, or is asked a lighter form of some cadence, and until when:
/// an index beside their preferences, which stay the truth, so a preview, the <c>cadences</c> list and the metrics of a
/// whole audience read it in one query.
/// </summary>
/// <param name="Lighter">Each cadence asking them its light form or less often: how (Fatigue/AdaptationState.Describe).</param>
/// <param name="Recovered">Each cadence they came back to the full form of on their own, and when (counted for 90 days).</param>
public sealed record PersonOnHold(
    string UserId, DateTimeOffset? SnoozedUntil, DateTimeOffset? AwayUntil,
    IReadOnlyDictionary<string, string>? Lighter = null, IReadOnlyDictionary<string, DateTimeOffset>? Recovered = null)
{
    /// <summary>Whether anything in the index still holds (at <paramref name="now"/>): a row with nothing is deleted.</summary>
    public static bool Holds(CheckinPreferences preferences, DateTimeOffset now) =>
        preferences.SnoozedUntil is not null || preferences.AwayUntil is not null
        || preferences.Adaptations.Any(a => a.IsAdapted || a.RecoveredSince(now - Fatigue.AdaptationState.RecoveryCountedFor));

    /// <summary>The index's view of a person's adaptations: how each adapted cadence asks them, and recent recoveries.</summary>
    public static (Dictionary<string, string> Lighter, Dictionary<string, DateTimeOffset> Recovered) AdaptationsOf(CheckinPreferences preferences, DateTimeOffset now) => (
        preferences.Adaptations.Where(a => a.IsAdapted).ToDictionary(a => a.CadenceId, a => a.Describe()),
        preferences.Adaptations.Where(a => a.RecoveredSince(now - Fatigue.AdaptationState.RecoveryCountedFor)).ToDictionary(a => a.CadenceId, a => a.RecoveredAt!.Value));
}
