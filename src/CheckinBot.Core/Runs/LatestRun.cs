namespace CheckinBot.Core.Runs;

/// <summary>A cadence's newest run as stored, with the version a conditional write of the next one must match.</summary>
public sealed record LatestRun(string RunId, string Version);
