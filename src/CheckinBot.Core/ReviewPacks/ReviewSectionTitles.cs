namespace CheckinBot.Core.ReviewPacks;

/// <summary>What each section is called, in the card and the document alike (read by the person and by their manager).</summary>
public static class ReviewSectionTitles
{
    public static string Of(ReviewSection section) => section switch
    {
        ReviewSection.Goals => "Learning goals and milestones",
        ReviewSection.Wins => "Wins",
        ReviewSection.Feedback => "Feedback received",
        ReviewSection.Skills => "Skills being built",
        _ => "What would help next",
    };
}
