namespace CheckinBot.Core.CheckIns;

/// <summary>
/// Someone who snoozed their check-ins, said they are away, or is asked a lighter form of some cadence, and until when:
/// an index beside their preferences, which stay the truth, so a preview, the <c>cadences</c> list and the metrics of a
/// whole audience read it in one query.
/// </summary>
/// <param name="Lighter">Each cadence asking them its light form or less often: how (Fatigue/AdaptationState.Describe).</param>
public sealed record PersonOnHold(string UserId, DateTimeOffset? SnoozedUntil, DateTimeOffset? AwayUntil, IReadOnlyDictionary<string, string>? Lighter = null)
{
    /// <summary>Whether anything in the index still holds: a row with nothing is deleted.</summary>
    public static bool Holds(CheckinPreferences preferences) =>
        preferences.SnoozedUntil is not null || preferences.AwayUntil is not null || preferences.Adaptations.Any(a => a.IsAdapted);
}
