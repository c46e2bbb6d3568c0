namespace CheckinBot.Core.Runs;

/// <summary>
/// A unit of fan-out work on the queue: plan a run (no chunk), send to one chunk of its recipients, or send that chunk's
/// <see cref="Reminder"/>th reminder.
/// </summary>
public sealed record SendWork(string RunId, int? Chunk, int Reminder = 0);
