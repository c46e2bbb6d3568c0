namespace CheckinBot.Core.Cadences.Preview;

/// <summary>
/// What a cadence would do between two dates, before anything is sent: counts per occurrence first, then one page of
/// people (in the directory's order, every occurrence of each).
/// </summary>
public sealed record CadencePreview(
    string CadenceId,
    string Name,
    bool Active,
    string QuestionSetId,
    int QuestionSetVersion,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DateOnly> SkippedDates,
    IReadOnlyList<PreviewOccurrence> Occurrences,
    int People,
    int Page,
    int PageSize,
    IReadOnlyList<PreviewLine> Lines);
