namespace CheckinBot.Core.Fatigue;

/// <summary>An occurrence of the cadence the person was asked (a stepped-down one is not), and when it was due.</summary>
public sealed record AskedOccurrence(string OccurrenceId, DateTimeOffset DueAt);
