namespace CheckinBot.Core.Insights.Events.ChunkFinished;

/// <summary>Every recipient of a run's chunk is done (sent, unreachable, failed…).</summary>
public sealed record ChunkFinished(string RunId, int Chunk) : MetricsEvent(RunId);
