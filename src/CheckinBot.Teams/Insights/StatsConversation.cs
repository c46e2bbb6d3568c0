using CheckinBot.Core.Commands;
using CheckinBot.Core.Insights;
using CheckinBot.Teams.Bot;
using Microsoft.Extensions.Options;

namespace CheckinBot.Teams.Insights;

/// <summary><c>stats</c>: the person's own four weeks, their team's if they lead one, the organisation's for HR.</summary>
public sealed class StatsConversation(StatsService stats, IOptions<BotOptions> bot) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Stats, async (r, ct) =>
            await r.Turn.SendCardAsync(StatsCards.Stats(await stats.ForAsync(r.UserId, ct), bot.Value.GrowthTabLink(r.Turn.BotBaseUri)), ct));
}
