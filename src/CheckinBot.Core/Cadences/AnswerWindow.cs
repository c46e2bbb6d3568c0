namespace CheckinBot.Core.Cadences;

/// <summary>
/// How long after its due time a check-in held for someone away is still worth asking: a weekly one within its week, a
/// monthly or rarer one within ten days, and never once the cadence's next cycle has come (that one asks them anyway).
/// Past it the occurrence counts as <c>away</c>, not missed.
/// </summary>
public static class AnswerWindow
{
    public static TimeSpan For(CadenceFrequency frequency) => frequency switch
    {
        CadenceFrequency.Weekly or CadenceFrequency.Cron => TimeSpan.FromDays(7),
        _ => TimeSpan.FromDays(10),
    };

    /// <summary>Whether asking at <paramref name="askAt"/> still answers the occurrence due at <paramref name="dueAt"/>.</summary>
    public static bool Allows(Cadence cadence, string? timeZoneId, DateTimeOffset dueAt, DateTimeOffset askAt) =>
        askAt < dueAt + For(cadence.Schedule.Frequency)
        && (cadence.IsJourney || CadenceCalendar.Next(cadence.Schedule, timeZoneId, dueAt) is not { } next || askAt < next.DueAtUtc);
}
