namespace CheckinBot.Core.Runs;

/// <summary>A unit of fan-out work on the queue: plan a run, or send to one chunk of its recipients.</summary>
public sealed record SendWork(string RunId, int? Chunk)
{
    public bool IsPlan => Chunk is null;
}
