namespace CheckinBot.Core.Cadences.Preview;

/// <summary>
/// What a cadence would do between two dates, before anything is sent: counts per occurrence first, then one page of
/// people (in the directory's order, every occurrence of each). A journey's occurrences are the working days on which
/// someone has a step; <see cref="NoHireDate"/> counts the audience's people it cannot place.
/// </summary>
/// <param name="ReachabilityAsOf">When the registrations behind "not installed" and "unreachable" were read (at most five minutes before).</param>
/// <param name="QuestionSetVersions">The latest version of each set the cadence asks (a journey: each step's).</param>
public sealed record CadencePreview(
    string CadenceId,
    string Name,
    bool Active,
    bool IsJourney,
    string QuestionSetId,
    int QuestionSetVersion,
    IReadOnlyDictionary<string, int> QuestionSetVersions,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DateOnly> SkippedDates,
    IReadOnlyList<PreviewOccurrence> Occurrences,
    int People,
    int NoHireDate,
    DateTimeOffset ReachabilityAsOf,
    int Page,
    int PageSize,
    IReadOnlyList<PreviewLine> Lines);
