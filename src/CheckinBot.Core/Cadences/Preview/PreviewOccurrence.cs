namespace CheckinBot.Core.Cadences.Preview;

/// <summary>One occurrence's counts: who would be asked, and who would be left out by reason.</summary>
/// <param name="Lighter">Of <paramref name="Due"/>, those asked a lighter form (or less often) because they seemed tired.</param>
public sealed record PreviewOccurrence(DateOnly Date, TimeOnly LocalTime, int Due, int ZoneFromCadence, IReadOnlyDictionary<string, int> LeftOut, int Lighter = 0);
