using CheckinBot.Teams.Activities;
using CheckinBot.Teams.Cards;

namespace CheckinBot.Teams.Bot;

/// <summary>
/// Routes an activity to the method for its type, like the Bot Framework's TeamsActivityHandler. Activity types
/// Teams invents later land in <see cref="OnUnrecognizedActivityAsync"/> and are answered 200.
/// </summary>
public abstract class TeamsActivityHandler
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>Handles the turn; returns the invoke response for invokes, null otherwise.</summary>
    public virtual async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                if (CardActionPayload.FromSubmit(activity) is { } submit)
                    await OnAdaptiveCardActionAsync(turn, submit, cancellationToken);
                else
                    await OnMessageAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.InstallationUpdate:
                if (InstallSignals.IsRemoval(activity))
                    await OnInstallationRemoveAsync(turn, cancellationToken);
                else
                    await OnInstallationAddAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardActionInvoke:
                return CardActionPayload.FromInvoke(activity) is { } action
                    ? await OnAdaptiveCardActionAsync(turn, action, cancellationToken)
                    : InvokeResponses.Error(400, "BadRequest", "The card action has no verb.");
            case ActivityTypes.Invoke:
                // An invoke we do not know (or none named) is input we cannot use: 4xx, never 5xx.
                return InvokeResponses.Error(400, "NotSupported", $"Invoke '{activity.Name}' is not supported.");
            default:
                await OnUnrecognizedActivityAsync(turn, cancellationToken);
                return null;
        }
    }

    protected virtual Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationAddAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationRemoveAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Membership changes; the bot itself being added or removed is the personal-scope install signal.</summary>
    protected virtual Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (InstallSignals.IsRemoval(turn.Activity))
            return OnInstallationRemoveAsync(turn, cancellationToken);
        if (InstallSignals.IsInstall(turn.Activity))
            return OnInstallationAddAsync(turn, cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>A card button. For Action.Execute the returned response is the HTTP answer; for Action.Submit it is ignored.</summary>
    protected virtual Task<InvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, CardActionPayload action, CancellationToken cancellationToken) =>
        Task.FromResult(InvokeResponses.Error(400, "NotSupported", $"Verb '{action.Verb}' is not supported."));

    protected virtual Task OnUnrecognizedActivityAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The <c>adaptiveCard/action</c> response bodies (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards).</summary>
public static class InvokeResponses
{
    public static InvokeResponse Card(AdaptiveCard card) =>
        new(200, new { statusCode = 200, type = Attachment.AdaptiveCardContentType, value = card });

    public static InvokeResponse Message(string text) =>
        new(200, new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = text });

    public static InvokeResponse Error(int status, string code, string message) =>
        new(status, new { statusCode = status, type = "application/vnd.microsoft.error", value = new { code, message } });
}
