namespace CheckinBot.Core.Away;

/// <summary>A time someone is away: from <see cref="Start"/> (null = already) until <see cref="End"/> (null = not known).</summary>
public sealed record AwayPeriod(DateTimeOffset? Start, DateTimeOffset? End, AwaySource Source)
{
    public bool Covers(DateTimeOffset at) => (Start is null || Start <= at) && (End is null || at < End);
}
