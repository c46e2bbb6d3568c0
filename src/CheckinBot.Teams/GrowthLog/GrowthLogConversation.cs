using CheckinBot.Core.GrowthLog;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.GrowthLog;

/// <summary>The employee's own log in chat: <c>wins</c>, <c>feedback</c>, <c>export my data</c>, <c>delete my data</c>.</summary>
public sealed class GrowthLogConversation(GrowthLogService log, ExportTokens exportTokens)
{
    public async Task WinsAsync(TurnContext turn, string userId, BragPeriod period, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(GrowthLogCards.Wins(await log.WinsAsync(userId, period, cancellationToken), period), cancellationToken);

    public async Task FeedbackAsync(TurnContext turn, string userId, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(GrowthLogCards.Feedback(await log.FeedbackRequestsAsync(userId, cancellationToken)), cancellationToken);

    /// <summary>Teams personal chats cannot take a file from a bot without a consent flow, so the card links to the bot.</summary>
    public async Task ExportAsync(TurnContext turn, string userId, CancellationToken cancellationToken)
    {
        var token = await exportTokens.CreateAsync(userId, cancellationToken);
        var baseUri = turn.BotBaseUri;
        await turn.SendCardAsync(GrowthLogCards.Export(ExportLink(baseUri, token, "json"), ExportLink(baseUri, token, "csv")), cancellationToken);
    }

    public async Task HandleCardAsync(TurnContext turn, string userId, CardActionPayload action, CancellationToken cancellationToken)
    {
        switch (action.Verb)
        {
            case GrowthLogCards.WinsVerb:
                await WinsAsync(turn, userId, Enum.TryParse<BragPeriod>(action.GetString("period"), out var period) ? period : BragPeriod.Quarter, cancellationToken);
                break;
            case GrowthLogCards.EraseVerb:
                await turn.ReplaceOrSendCardAsync(action.CardActivityId, GrowthLogCards.Erased(await log.EraseAsync(userId, cancellationToken)), cancellationToken);
                break;
            case GrowthLogCards.KeepVerb:
                await turn.ReplaceOrSendCardAsync(action.CardActivityId, GrowthLogCards.Kept(), cancellationToken);
                break;
        }
    }

    public static Uri ExportLink(Uri botBaseUri, string token, string format) => new(botBaseUri, $"api/export/{token}/{format}");
}
