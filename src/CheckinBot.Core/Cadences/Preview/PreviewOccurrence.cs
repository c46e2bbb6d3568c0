namespace CheckinBot.Core.Cadences.Preview;

/// <summary>One occurrence's counts: who would be asked, and who would be left out by reason.</summary>
public sealed record PreviewOccurrence(DateOnly Date, TimeOnly LocalTime, int Due, int ZoneFromCadence, IReadOnlyDictionary<string, int> LeftOut);
