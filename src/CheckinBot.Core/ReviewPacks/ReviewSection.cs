namespace CheckinBot.Core.ReviewPacks;

/// <summary>The parts of a review pack, in the order the draft lists them.</summary>
public enum ReviewSection
{
    /// <summary>Learning goals with their progress, and milestones reached (dated).</summary>
    Goals,

    /// <summary>Wins from check-ins (dated, with the check-in they came from).</summary>
    Wins,

    /// <summary>Feedback received, praise included.</summary>
    Feedback,

    /// <summary>Skills they said they were building: goals they named in check-ins, and their reflections.</summary>
    Skills,

    /// <summary>What they said would help next, and what they wanted feedback on.</summary>
    Next,
}
