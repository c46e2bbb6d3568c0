using CheckinBot.Core.Messaging;
using CheckinBot.Core.Registrations;
using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace CheckinBot.Teams.Proactive;

/// <summary>
/// Sends a message to a person's personal chat outside of a turn (scheduled check-ins, nudges, summaries), and
/// keeps their registration honest: a deleted chat is reopened once (404 ConversationNotFound), and a person who
/// blocked or removed the bot (403 MessageWritesBlocked), or whose chat cannot be reopened, is marked unreachable
/// so nobody keeps sending into the void. Every call, the reopening included, takes a slot of the shared budget at the
/// message's priority (the connector's pipeline does it, per attempt).
/// </summary>
public sealed partial class ProactiveMessenger(
    ConnectorClient connector,
    ChatRegistrationService registrations,
    ILogger<ProactiveMessenger> logger)
{
    /// <param name="cancellationToken">Cancels waiting for a slot; a call that has started is finished, since Teams may already have delivered it.</param>
    public async Task<ConnectorResult<ResourceResponse>> SendAsync(ChatRegistration to, Activity message, SendPriority priority, CancellationToken cancellationToken)
    {
        if (to.Status != RegistrationStatus.Active)
            return new ConnectorResult<ResourceResponse>(ConnectorOutcome.RecipientGone, ErrorCode: to.StatusReason ?? to.Status.ToString());

        var result = await connector.SendToConversationAsync(to.ServiceUrl, to.ConversationId, Addressed(message, to, to.ConversationId), cancellationToken, priority);
        if (result.Outcome == ConnectorOutcome.RecipientGone && result.ErrorCode == "ConversationNotFound" && to.BotChannelId is not null)
            result = await ReopenAndSendAsync(to, message, priority, cancellationToken) ?? result;

        if (result.Outcome == ConnectorOutcome.RecipientGone)
        {
            LogUnreachable(logger, to.UserId, result.ErrorCode);
            await registrations.MarkUnreachableAsync(to.UserId, result.ErrorCode ?? "RecipientGone", cancellationToken);
        }
        return result;
    }

    /// <summary>Teams creates (or returns) the 1:1 chat on request; null when it would not.</summary>
    private async Task<ConnectorResult<ResourceResponse>?> ReopenAndSendAsync(ChatRegistration to, Activity message, SendPriority priority, CancellationToken cancellationToken)
    {
        var created = await connector.CreatePersonalConversationAsync(to.ServiceUrl, to.BotChannelId!, to.ChannelUserId, to.TenantId, cancellationToken, priority);
        if (!created.IsSent || created.Value?.Id is not { Length: > 0 } conversationId)
            return created.Outcome == ConnectorOutcome.RecipientGone ? new(ConnectorOutcome.RecipientGone, ErrorCode: created.ErrorCode) : null;

        await registrations.MoveToConversationAsync(to.UserId, conversationId, CancellationToken.None);
        return await connector.SendToConversationAsync(to.ServiceUrl, conversationId, Addressed(message, to, conversationId), cancellationToken, priority);
    }

    private static Activity Addressed(Activity message, ChatRegistration to, string conversationId) => message with
    {
        Type = message.Type ?? ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = to.ServiceUrl,
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = to.TenantId },
        Recipient = new ChannelAccount { Id = to.ChannelUserId, AadObjectId = to.UserId },
        From = to.BotChannelId is null ? null : new ChannelAccount { Id = to.BotChannelId },
    };

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "{UserId} is unreachable in Teams ({Reason})")]
    private static partial void LogUnreachable(ILogger logger, string userId, string? reason);
}
