namespace CheckinBot.Core.Runs;

/// <summary>A unit of fan-out work on the queue: plan a run, or send to one recipient of it.</summary>
public sealed record SendWork(string RunId, string? UserId)
{
    public bool IsPlan => UserId is null;
}
