namespace CheckinBot.Core.ReviewPacks;

/// <summary>Which kind of entry in the person's log a review line comes from.</summary>
public enum ReviewSourceKind
{
    Checkin,
    Goal,
    Feedback,
}
