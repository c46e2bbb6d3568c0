namespace CheckinBot.Core.Runs;

/// <summary>What <c>GET /api/admin/runs/{runId}</c> answers.</summary>
public sealed record RunProgress(int Total, int Sent, int Failed, int Unreachable, int Skipped, int Pending, DateTimeOffset StartedAt, DateTimeOffset? CompletedAt);
