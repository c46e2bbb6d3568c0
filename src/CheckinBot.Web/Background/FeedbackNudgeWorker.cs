using CheckinBot.Core.Feedback;

namespace CheckinBot.Web.Background;

/// <summary>Looks for feedback requests that have waited too long, every quarter of an hour.</summary>
internal sealed class FeedbackNudgeWorker(FeedbackNudgeService nudges, TimeProvider timeProvider, ILogger<FeedbackNudgeWorker> logger)
    : PeriodicWorker(timeProvider, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(15);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => nudges.NudgeDueAsync(cancellationToken);
}
