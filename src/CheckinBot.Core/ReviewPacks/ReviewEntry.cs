namespace CheckinBot.Core.ReviewPacks;

/// <summary>
/// One line of a review pack: the words of one entry of the person's own log, as they were written (never rephrased or
/// rated), dated, with the entry it came from. <see cref="Id"/> is stable, so a person's ticks survive a second look.
/// </summary>
/// <param name="Context">What the line answers or belongs to, in the log's own words: the question asked, the goal's progress, who gave the feedback.</param>
/// <param name="SourceId">The check-in, goal or feedback the line links back to.</param>
/// <param name="FromPrivateCheckin">From a check-in the person kept private: never in the manager's copy.</param>
public sealed record ReviewEntry(
    string Id,
    ReviewSection Section,
    DateTimeOffset At,
    string Text,
    string Context,
    ReviewSourceKind SourceKind,
    string SourceId,
    bool FromPrivateCheckin);
