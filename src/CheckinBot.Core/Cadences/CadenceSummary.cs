namespace CheckinBot.Core.Cadences;

/// <summary>One line of HR's cadence list: the cadence and when it next fires (in the cadence's own zone).</summary>
public sealed record CadenceSummary(Cadence Cadence, CadenceOccurrence? Next);
