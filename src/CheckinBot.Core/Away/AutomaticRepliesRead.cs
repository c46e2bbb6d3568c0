namespace CheckinBot.Core.Away;

/// <summary>
/// What Outlook said of a batch of people: each one read has their automatic-replies period, or null when the replies
/// are off. People it could not read are not in <see cref="Known"/>: they count as not known to be away, and
/// <see cref="NotKnownReason"/> says why (no consent, Graph failing) without anything they wrote.
/// </summary>
public sealed record AutomaticRepliesRead(IReadOnlyDictionary<string, AwayPeriod?> Known, string? NotKnownReason = null)
{
    public static readonly AutomaticRepliesRead None = new(new Dictionary<string, AwayPeriod?>());
}
