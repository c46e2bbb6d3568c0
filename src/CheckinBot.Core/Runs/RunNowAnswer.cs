using CheckinBot.Core.Cadences;

namespace CheckinBot.Core.Runs;

/// <param name="Audience">How many people the cadence reaches now (counted for a confirmation or a start).</param>
/// <param name="RunId">The run started, already started, or running; for a confirmation, the run id the confirmation
/// will start (so confirming twice starts it once).</param>
/// <param name="Progress">The running run's progress, or (a confirmation after a recent run) the last run's.</param>
/// <param name="IsRerun">The confirmation is the second one a run within <see cref="FanoutOptions.RerunGuard"/> of the last needs.</param>
public sealed record RunNowAnswer(
    RunNowOutcome Outcome, Cadence? Cadence = null, int Audience = 0, string? RunId = null, RunProgress? Progress = null, bool IsRerun = false);
