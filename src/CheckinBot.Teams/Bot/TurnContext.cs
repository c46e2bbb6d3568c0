using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Cards;
using CheckinBot.Teams.Connector;

namespace CheckinBot.Teams.Bot;

/// <summary>One inbound activity and the means to answer it in the same conversation.</summary>
public sealed class TurnContext(Activity activity, ConnectorClient connector, Uri botBaseUri)
{
    public Activity Activity { get; } = activity;

    /// <summary>Where this bot is reachable (Bot:PublicBaseUrl, else the request's own address), for links it hands out.</summary>
    public Uri BotBaseUri { get; } = botBaseUri;

    public Task<ConnectorResult<ResourceResponse>> SendAsync(Activity reply, CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, reply, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(Activity.CreateReply(text) with { TextFormat = "markdown" }, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> SendCardAsync(AdaptiveCard card, CancellationToken cancellationToken) =>
        SendAsync(CardReply(card), cancellationToken);

    /// <summary>Replaces a card the bot sent earlier, e.g. after a Submit click, so that no stale buttons remain.</summary>
    public Task<ConnectorResult<ResourceResponse>> UpdateCardAsync(string activityId, AdaptiveCard card, CancellationToken cancellationToken) =>
        connector.UpdateActivityAsync(Activity.ServiceUrl!, Activity.Conversation!.Id!, activityId, CardReply(card) with { Id = activityId }, cancellationToken);

    /// <summary>Answers a card click in place when the clicked card is known, so its buttons cannot be used twice.</summary>
    public Task<ConnectorResult<ResourceResponse>> ReplaceOrSendCardAsync(string? clickedCardId, AdaptiveCard card, CancellationToken cancellationToken) =>
        clickedCardId is null ? SendCardAsync(card, cancellationToken) : UpdateCardAsync(clickedCardId, card, cancellationToken);

    private Activity CardReply(AdaptiveCard card) => Activity.CreateReply() with { Attachments = [card.ToAttachment()] };
}
