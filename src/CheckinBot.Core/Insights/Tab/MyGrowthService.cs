using System.Globalization;
using CheckinBot.Core.Goals;
using CheckinBot.Core.GrowthLog;

namespace CheckinBot.Core.Insights.Tab;

/// <summary>Builds the "Me" view from the person's growth log (the same reads as <c>export my data</c> and <c>wins</c>).</summary>
public sealed class MyGrowthService(GrowthLogService growthLog, Cadences.JourneyService journeys)
{
    public const int RecentWins = 10;

    public async Task<MyGrowth> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var log = await growthLog.ExportAsync(userId, cancellationToken);
        // From the log just read: the brag sheet's own rule, without reading the log a second time.
        var wins = GrowthLogService.WinsOf(log.CheckIns, log.Goals, log.FeedbackReceived, DateTimeOffset.MinValue);
        return new MyGrowth(
            log.CheckIns.Count,
            [.. log.Goals
                .OrderBy(g => g.Status != GoalStatus.Active).ThenBy(g => g.CreatedAt)
                .Select(g => new GoalTrack(g.Id, g.Title, g.Status, g.Percent, g.TargetDate, g.Milestones, [.. g.History.OrderBy(h => h.At)]))],
            [.. log.CheckIns.Where(r => r.Energy is not null).OrderBy(r => r.CompletedAt).Select(r => new EnergyPoint(r.CompletedAt, r.Energy!.Value))],
            [.. wins.GroupBy(w => w.At.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new MonthCount(m.Key, m.Count()))],
            [.. wins.Take(RecentWins)],
            [.. log.FeedbackReceived.OrderByDescending(n => n.CreatedAt).Select(n => new ReceivedFeedback(n.CreatedAt, n.FromName ?? "A colleague", n.Text, n.IsPraise))],
            await journeys.ForAsync(userId, cancellationToken, log.CheckIns));
    }
}
