using CheckinBot.Core.Away;
using CheckinBot.Core.Messaging;
using CheckinBot.Core.Org;
using CheckinBot.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CheckinBot.Core.Feedback;

/// <summary>
/// Reminds people of feedback requests that have waited longer than <see cref="FeedbackOptions.NudgeAfter"/>: never
/// twice on one local day, and only when <see cref="SendTimeRule"/> lets a message go: never while they are away (the
/// nudge waits for their return), outside working hours or at weekends in their own time zone. The nudge is claimed
/// (a conditional write of <see cref="FeedbackAsk.LastNudgedAt"/>) before it is sent, so instances never double it.
/// </summary>
public sealed partial class FeedbackNudgeService(
    IFeedbackStore store,
    PersonZones zones,
    IPersonMessenger messenger,
    IOptions<FeedbackOptions> options,
    SendTimeRule sendTime,
    TimeProvider timeProvider,
    ILogger<FeedbackNudgeService> logger)
{
    public async Task<int> NudgeDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var sent = 0;
        foreach (var ask in await store.ListOpenAsksAsync(500, cancellationToken))
        {
            if (now - ask.CreatedAt < options.Value.NudgeAfter)
                continue;
            var zoneId = await zones.FindAsync(ask.AskedUserId, person: null, cancellationToken);
            var zone = IanaTimeZone.FindOrUtc(zoneId);
            if (ask.LastNudgedAt is { } last && TimeZoneInfo.ConvertTime(last, zone).Date == TimeZoneInfo.ConvertTime(now, zone).Date)
                continue;
            if (!(await sendTime.CheckAsync(ask.AskedUserId, zoneId, chosenTime: null, cancellationToken)).IsNow)
                continue;
            if (!await store.TrySaveAskAsync(ask with { LastNudgedAt = now }, cancellationToken))
                continue; // answered or nudged by another instance meanwhile
            var result = await messenger.SendAsync(ask.AskedUserId, new FeedbackNudgeMessage(ask, (int)(now - ask.CreatedAt).TotalDays), cancellationToken);
            LogNudged(logger, ask.Id, ask.AskedUserId, result.Outcome);
            sent += result.IsSent ? 1 : 0;
        }
        return sent;
    }

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Nudged {AskedId} about feedback request {AskId}: {Outcome}")]
    private static partial void LogNudged(ILogger logger, string askId, string askedId, DeliveryOutcome outcome);
}
