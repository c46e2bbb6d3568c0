using CheckinBot.Core.Commands;
using CheckinBot.Core.GrowthLog;
using CheckinBot.Teams.Bot;

namespace CheckinBot.Teams.GrowthLog;

/// <summary>The employee's own log in chat: <c>wins</c>, <c>export my data</c>, <c>delete my data</c>.</summary>
public sealed class GrowthLogConversation(GrowthLogService log, ExportTokens exportTokens, TimeProvider timeProvider) : IChatFeature
{
    public void MapRoutes(ChatRoutes routes) => routes
        .Command(ChatCommandKind.Wins, (r, ct) => WinsAsync(r.Turn, r.UserId, BragPeriod.Quarter, ct))
        .Command(ChatCommandKind.ExportMyData, (r, ct) => ExportAsync(r.Turn, r.UserId, ct))
        .Command(ChatCommandKind.DeleteMyData, (r, ct) => r.Turn.SendCardAsync(GrowthLogCards.ConfirmErase(timeProvider.GetUtcNow()), ct))
        .Verb(GrowthLogCards.WinsVerb, (r, ct) => WinsAsync(r.Turn, r.UserId, Enum.TryParse<BragPeriod>(r.Get("period"), out var period) ? period : BragPeriod.Quarter, ct))
        .Verb(GrowthLogCards.EraseVerb, EraseAsync)
        .Verb(GrowthLogCards.KeepVerb, (r, ct) => r.Turn.ReplaceOrSendCardAsync(r.Action.CardActivityId, GrowthLogCards.Kept(), ct));

    public async Task WinsAsync(TurnContext turn, string userId, BragPeriod period, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(GrowthLogCards.Wins(await log.WinsAsync(userId, period, cancellationToken), period), cancellationToken);

    /// <summary>Teams personal chats cannot take a file from a bot without a consent flow, so the card links to the bot.</summary>
    public async Task ExportAsync(TurnContext turn, string userId, CancellationToken cancellationToken)
    {
        var token = await exportTokens.CreateAsync(userId, cancellationToken);
        var baseUri = turn.BotBaseUri;
        await turn.SendCardAsync(GrowthLogCards.Export(ExportLink(baseUri, token, "json"), ExportLink(baseUri, token, "csv")), cancellationToken);
    }

    /// <summary>A confirmation is good for a few minutes: a card left in the chat cannot erase everything days later.</summary>
    private async Task EraseAsync(CardRequest request, CancellationToken cancellationToken)
    {
        var asked = long.TryParse(request.Get(GrowthLogCards.RequestedAtField), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, DateTimeOffset.MaxValue.ToUnixTimeSeconds() - 1))
            : DateTimeOffset.MinValue;
        var age = timeProvider.GetUtcNow() - asked;
        if (age < TimeSpan.FromMinutes(-1) || age > GrowthLogCards.ConfirmationLifetime)
        {
            await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, GrowthLogCards.ConfirmationExpired(), cancellationToken);
            return;
        }
        var result = await log.EraseAsync(request.UserId, cancellationToken);
        await request.Turn.ReplaceOrSendCardAsync(request.Action.CardActivityId, GrowthLogCards.Erased(result), cancellationToken);
    }

    public static Uri ExportLink(Uri botBaseUri, string token, string format) => new(botBaseUri, $"api/export/{token}/{format}");
}
