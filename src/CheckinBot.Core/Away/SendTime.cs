namespace CheckinBot.Core.Away;

/// <summary>
/// What <see cref="SendTimeRule"/> says of a message about to go: now (<see cref="HoldUntil"/> null), or held until a
/// time; <see cref="Away"/> says when the hold is because the person is away rather than outside their working hours.
/// </summary>
public sealed record SendTime(DateTimeOffset? HoldUntil, AwayPeriod? Away = null)
{
    public static readonly SendTime Now = new((DateTimeOffset?)null);

    public bool IsNow => HoldUntil is null;
}
