namespace CheckinBot.Core.ReviewPacks;

/// <summary>A source entry as the pack's appendix shows it, whole: a check-in's answers, a goal's history, a feedback note.</summary>
/// <param name="Lines">Label and value pairs, in the log's own words.</param>
public sealed record ReviewSourceEntry(ReviewSourceKind Kind, string Id, string Title, DateTimeOffset At, IReadOnlyList<(string Label, string Value)> Lines);
